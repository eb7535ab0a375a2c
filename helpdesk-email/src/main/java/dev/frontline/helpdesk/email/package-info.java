/**
 * E-mail intake: turns raw RFC 822 / MIME messages into tickets and replies
 * ({@link dev.frontline.helpdesk.email.EmailIntake}), threads them by signed Message-IDs, message
 * references, signed reply addresses and (for participants only) subject tags, and generates the
 * Message-IDs and reply addresses of outgoing notifications.
 */
@NullMarked
package dev.frontline.helpdesk.email;

import org.jspecify.annotations.NullMarked;
