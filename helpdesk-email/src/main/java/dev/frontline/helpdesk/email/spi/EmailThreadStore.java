package dev.frontline.helpdesk.email.spi;

/**
 * The former location of the e-mail thread store SPI, kept so existing implementations compile.
 *
 * @deprecated moved to {@link dev.frontline.helpdesk.spi.EmailThreadStore} in helpdesk-core (so
 *     storage modules implement it without depending on helpdesk-email); implement that instead.
 *     {@code EmailIntake.Builder.threadStore} takes the core type, which this one extends.
 */
@Deprecated
public interface EmailThreadStore extends dev.frontline.helpdesk.spi.EmailThreadStore {}
