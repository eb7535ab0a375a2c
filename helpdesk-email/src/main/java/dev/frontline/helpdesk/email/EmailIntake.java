package dev.frontline.helpdesk.email;

import dev.frontline.helpdesk.ConflictException;
import dev.frontline.helpdesk.Helpdesk;
import dev.frontline.helpdesk.HelpdeskException;
import dev.frontline.helpdesk.IllegalTransitionException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.access.Permission;
import dev.frontline.helpdesk.access.AccessControl;
import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.access.Rights;
import dev.frontline.helpdesk.directory.Customer;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.email.IntakeResult.Flag;
import dev.frontline.helpdesk.email.IntakeResult.Status;
import dev.frontline.helpdesk.email.IntakeResult.ThreadedBy;
import dev.frontline.helpdesk.email.internal.MailLimitException;
import dev.frontline.helpdesk.email.internal.MessageIdentity;
import dev.frontline.helpdesk.email.internal.MimeReader;
import dev.frontline.helpdesk.email.internal.ParsedMail;
import dev.frontline.helpdesk.email.internal.ReplyText;
import dev.frontline.helpdesk.email.internal.SenderRateLimiter;
import dev.frontline.helpdesk.email.internal.Signer;
import dev.frontline.helpdesk.email.internal.Texts;
import dev.frontline.helpdesk.spi.BlobStore;
import dev.frontline.helpdesk.spi.EmailThreadStore;
import dev.frontline.helpdesk.spi.HelpdeskStores;
import dev.frontline.helpdesk.spi.IdGenerator;
import dev.frontline.helpdesk.ticket.Channel;
import dev.frontline.helpdesk.ticket.Entry;
import dev.frontline.helpdesk.ticket.Message;
import dev.frontline.helpdesk.ticket.NewAttachment;
import dev.frontline.helpdesk.ticket.NewTicket;
import dev.frontline.helpdesk.ticket.Ticket;
import dev.frontline.helpdesk.ticket.TicketId;
import dev.frontline.helpdesk.ticket.TicketKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.field.ContentTypeField;
import org.apache.james.mime4j.field.ContentTypeFieldLenientImpl;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.RawField;
import org.jspecify.annotations.Nullable;

/**
 * Turns incoming e-mail into tickets and replies, and generates the signed Message-IDs and reply
 * addresses of outgoing notifications.
 *
 * <p>{@link #receive(byte[])} parses the raw RFC 822/MIME message in one streaming pass (charsets,
 * quoted-printable, base64, {@code multipart/alternative} with an HTML-to-text fallback,
 * attachments), enforcing {@link EmailLimits}; finds or creates the sender as a plain customer;
 * and threads the message, in this order:
 *
 * <ol>
 *   <li>a Frontline Message-ID ({@code <ticket-TOKEN.NONCE.SIGNATURE@domain>}) in In-Reply-To or
 *       References whose HMAC-SHA256 signature verifies (forged ones are ignored and flagged);
 *   <li>any id in In-Reply-To or References (In-Reply-To first, then References from the nearest
 *       parent back to the root) naming a message received before, or referred to by one (so a
 *       reply whose parent never arrived still joins its thread); also the message's own id if an
 *       earlier message referred to it;
 *   <li>a signed reply address ({@code support+TOKEN.SIGNATURE@domain}) among the recipients;
 *   <li>a subject tag such as {@code [HD-1042]}.
 * </ol>
 *
 * <p>Every step obeys the participant rule: a message joins a ticket only if its sender is a
 * participant of it (the requester, an address that wrote into it before, or a customer who may
 * reply to it, such as a colleague in an organization that shares tickets). A ticket named by a
 * non-participant is ignored ({@link Flag#NOT_A_PARTICIPANT}, {@link Flag#SUBJECT_TAG_IGNORED}) and
 * the message opens a new ticket of its own, so knowing a Message-ID, a token or a ticket key never
 * lets a stranger into a conversation, and a stranger's bait never draws a customer's reply into
 * the stranger's ticket.
 *
 * <p>A threaded message is added with {@code tickets().reply(...)} as the customer if the customer
 * may reply to the ticket, otherwise (another participant of a thread) as {@code system:intake}
 * with the sender named in the first line; quoted text (quoted lines, attribution lines, Outlook
 * header blocks, for HTML-only mail the quoting elements) and signatures are cut from replies,
 * unless nothing would remain. Every stored message carries the raw message as {@code
 * original.eml}. A message received before (the same well-formed Message-ID and the same content:
 * body and content headers, not the trace headers of its delivery) is reported as {@link
 * Status#DUPLICATE} and not added again; a different message reusing a known Message-ID, or one
 * whose Message-ID is malformed ({@code <>}, {@code <@>}, {@code x}, ...), is kept under an id
 * generated from its bytes, so nothing that differs is dropped (a changed copy, such as a list's
 * copy with a footer, joins the ticket of the id it reuses if its sender is a participant). Auto-replies and bulk mail are stored but flagged, see
 * {@link IntakeResult#mayAutoRespond()}. Messages over a limit, without a usable sender, or that
 * cannot be parsed are {@link Status#QUARANTINED}: their bytes are kept in the blob store and the
 * result says why; intake never throws for bad input.
 *
 * <p>Also quarantined: mail loops ({@link Flag#LOOP}: our own Message-ID or one of our addresses
 * coming back, or an {@code X-Loop} header naming our address, the reply local part at our domain
 * such as {@code support@help.example.com}), bounces ({@link Flag#BOUNCE}: delivery status
 * notifications) and messages over the {@linkplain Builder#senderRateLimit per-sender rate limit}
 * ({@link Flag#RATE_LIMITED}). Outgoing notifications should therefore carry {@code X-Loop:
 * support@help.example.com}, and automatic ones (acknowledgements) also {@code Auto-Submitted:
 * auto-replied} (RFC 3834) so that other systems do not answer them.
 *
 * <p>Thread-safe. Calls to {@code receive} on one instance are serialised, so duplicate detection
 * is exact within one instance; instances sharing a thread store may both add a message delivered
 * to both at the same moment.
 */
public final class EmailIntake {
  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
  private static final Pattern B64 = Pattern.compile("[A-Za-z0-9_-]{1,200}");
  private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\]\\\\,;:\"@]{1,64}@[^\\s<>()\\[\\]\\\\,;:\"@]{1,253}");
  private static final Pattern SUBJECT_TAG = Pattern.compile("\\[([A-Z][A-Z0-9]{0,9}-[1-9][0-9]{0,17})\\]");
  private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]{1,900})>");
  private static final Pattern AUTHOR_OF = Pattern.compile("<([^<>\\s]{1,900})>(?=\\s+of\\b)", Pattern.CASE_INSENSITIVE);
  private static final int MAX_REFERENCES = 200;
  /** At most this many tickets of a conversation are linked to a new message's ids. */
  private static final int MAX_THREAD_TICKETS = 32;
  private static final Principal INTAKE = Principal.system("intake");
  private static final String NO_TEXT = "(no text)";

  private final Helpdesk helpdesk;
  private final BlobStore blobs;
  private final IdGenerator ids;
  private final EmailThreadStore threads;
  private final String domain;
  private final String replyLocalPart;
  private final Signer signer;
  private final EmailLimits limits;
  private final SenderRateLimit senderRateLimit;
  private final SenderRateLimiter rateLimiter;
  private static final Pattern CONTENT_LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
  private final SecureRandom random = new SecureRandom();
  private final ReentrantLock lock = new ReentrantLock();

  private EmailIntake(Builder b) {
    this.helpdesk = Objects.requireNonNull(b.helpdesk);
    this.blobs = b.stores.blobStore();
    this.ids = b.ids;
    EmailThreadStore ts = b.threads;
    this.threads = ts != null ? ts : b.stores.emailThreadStore();
    this.domain = Objects.requireNonNull(b.domain).toLowerCase(Locale.ROOT);
    this.replyLocalPart = b.replyLocalPart;
    this.signer = new Signer(Objects.requireNonNull(b.secret));
    this.limits = b.limits;
    this.senderRateLimit = b.senderRateLimit;
    this.rateLimiter = new SenderRateLimiter(senderRateLimit, helpdesk.clock());
  }

  /**
   * Starts an intake on a built helpdesk. Like every optional module, it uses only the helpdesk's
   * public services (as the system principal {@code intake}) and the stores it is given.
   *
   * @param helpdesk the helpdesk that receives the tickets
   * @param stores the store bundle the helpdesk was built with: quarantined raw messages go to its
   *     {@link HelpdeskStores#blobStore() blob store}, conversations to its {@link
   *     HelpdeskStores#emailThreadStore() e-mail thread store} (unless {@link Builder#threadStore}
   *     names another)
   * @return a builder; {@link Builder#domain} and {@link Builder#secret} are required
   */
  public static Builder builder(Helpdesk helpdesk, HelpdeskStores stores) {
    return new Builder(Objects.requireNonNull(helpdesk, "helpdesk"), Objects.requireNonNull(stores, "stores"));
  }

  // ---------------------------------------------------------------- outgoing

  /**
   * A new Message-ID for an outgoing notification about a ticket: {@code
   * <ticket-TOKEN.NONCE.SIGNATURE@domain>}, unique per call, signed with the secret. Replies that
   * reference it are threaded into the ticket.
   *
   * @param ticket the ticket
   * @return the Message-ID header value, with angle brackets
   */
  public String messageIdFor(TicketId ticket) {
    String token = encode(Objects.requireNonNull(ticket, "ticket"));
    byte[] n = new byte[9];
    random.nextBytes(n);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(n);
    String data = token + "." + nonce;
    return EmailHeaders.requireSafe("Message-ID", "<ticket-" + data + "." + signer.sign("message-id", data) + "@" + domain + ">");
  }

  /**
   * The signed reply address of a ticket, {@code support+TOKEN.SIGNATURE@domain}, for the Reply-To
   * of outgoing notifications. Stable per ticket. (With the default random ticket ids the local part
   * stays within 64 characters.)
   *
   * @param ticket the ticket
   * @return the address
   */
  public String replyAddressFor(TicketId ticket) {
    String token = encode(Objects.requireNonNull(ticket, "ticket"));
    return EmailHeaders.requireSafe("Reply-To", replyLocalPart + "+" + token + "." + signer.sign("reply-address", token) + "@" + domain);
  }

  /**
   * The subject of an outgoing notification: {@code [HD-1042] subject}, checked to be a single safe
   * header line.
   *
   * @param ticket the ticket
   * @return the subject
   */
  public String subjectFor(Ticket ticket) {
    return EmailHeaders.requireSafe("Subject", "[" + ticket.key() + "] " + ticket.subject());
  }

  /**
   * Verifies a Frontline Message-ID (with or without angle brackets).
   *
   * @param messageId a Message-ID
   * @return the ticket id if the id is ours and its signature is valid
   */
  public Optional<TicketId> verifyMessageId(String messageId) {
    return Optional.ofNullable(checkOwnMessageId(stripAngles(messageId)).ticket);
  }

  /**
   * Verifies a signed reply address.
   *
   * @param address an e-mail address
   * @return the ticket id if the address is one of ours and its signature is valid
   */
  public Optional<TicketId> verifyReplyAddress(String address) {
    return Optional.ofNullable(checkReplyAddress(address).ticket);
  }

  // ---------------------------------------------------------------- incoming

  /**
   * Reads a message from a stream (at most {@link EmailLimits#maxMessageBytes()} bytes are kept: a
   * longer message is quarantined with its first bytes) and {@linkplain #receive(byte[]) receives}
   * it. The stream is not closed.
   *
   * @param rawMessage the message
   * @return what happened
   * @throws UncheckedIOException if the stream cannot be read
   */
  public IntakeResult receive(InputStream rawMessage) {
    Objects.requireNonNull(rawMessage, "rawMessage");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    long total = 0;
    try {
      for (int r; (r = rawMessage.read(buf)) > 0; ) {
        long room = limits.maxMessageBytes() - total;
        if (r > room) {
          out.write(buf, 0, (int) Math.max(0, room));
          return quarantine(out.toByteArray(), "message is larger than " + limits.maxMessageBytes()
              + " bytes; the first " + limits.maxMessageBytes() + " bytes are kept", EnumSet.noneOf(Flag.class));
        }
        out.write(buf, 0, r);
        total += r;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the message", e);
    }
    return receive(out.toByteArray());
  }

  /**
   * Receives one raw message: see the class description. Never throws for malformed or hostile
   * input; storage failures propagate.
   *
   * @param rawMessage the message bytes (not modified)
   * @return what happened
   */
  public IntakeResult receive(byte[] rawMessage) {
    byte[] raw = Objects.requireNonNull(rawMessage, "rawMessage").clone();
    lock.lock();
    try {
      try {
        return process(raw);
      } catch (MailLimitException e) {
        return quarantine(raw, "limit exceeded: " + e.getMessage(), EnumSet.noneOf(Flag.class));
      } catch (IOException | org.apache.james.mime4j.MimeException e) {
        return quarantine(raw, "malformed message: " + e.getClass().getSimpleName(), EnumSet.noneOf(Flag.class));
      } catch (dev.frontline.helpdesk.StorageException | dev.frontline.helpdesk.ConcurrentModificationException e) {
        throw e; // the store failed, not the message: let the caller retry
      } catch (HelpdeskException e) {
        // e.g. a value the core rejects; keep the message rather than lose it
        return quarantine(raw, "rejected by the helpdesk: " + e.getMessage(), EnumSet.noneOf(Flag.class));
      } catch (RuntimeException e) {
        return quarantine(raw, "malformed message: " + e.getClass().getSimpleName(), EnumSet.noneOf(Flag.class));
      }
    } finally {
      lock.unlock();
    }
  }

  private IntakeResult quarantine(byte[] raw, String reason, Set<Flag> flags) {
    return quarantine(raw, null, reason, flags);
  }

  private IntakeResult quarantine(byte[] raw, @Nullable String messageId, String reason, Set<Flag> flags) {
    String key = blobs.put(raw);
    return new IntakeResult(Status.QUARANTINED, null, null, ThreadedBy.NONE, messageId, null, flags, key, List.of(reason));
  }

  private IntakeResult process(byte[] raw) throws MailLimitException, IOException, org.apache.james.mime4j.MimeException {
    ParsedMail mail = MimeReader.read(raw, limits);
    List<String> notes = new ArrayList<>(mail.notes());
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    detectAutomation(mail, flags);

    Mailbox from = firstMailbox(mail.first("From"));
    if (from == null) {
      return quarantine(raw, "no usable From address", flags);
    }
    String address = from.getAddress().toLowerCase(Locale.ROOT);
    if (!ADDRESS.matcher(address).matches() || address.length() > 254) {
      return quarantine(raw, "no usable From address", flags);
    }
    String localPart = address.substring(0, address.lastIndexOf('@'));
    if (localPart.equals("mailer-daemon") || localPart.equals("postmaster") && flags.contains(Flag.AUTO_SUBMITTED)) {
      flags.add(Flag.AUTO_SUBMITTED);
      flags.add(Flag.BOUNCE);
    }

    // a duplicate is the same well-formed Message-ID with the same content; a different message
    // reusing an id (or with a degenerate one) is kept under an id generated from its bytes
    String messageId = messageIdOf(mail, raw, notes);
    String digest = MessageIdentity.contentDigest(mail, raw);
    String contentKey = MessageIdentity.contentKey(messageId, digest);
    String reusedId = null;
    if (threads.findReceived(contentKey).isEmpty() && threads.findReceived(messageId).isPresent()) {
      notes.add("a different message with the Message-ID " + messageId + " was received before; this one is kept under a generated id");
      reusedId = messageId; // a participant's changed copy (a list footer, a tag) joins its ticket
      messageId = MessageIdentity.generatedId(raw);
      contentKey = MessageIdentity.contentKey(messageId, digest);
    }
    Optional<TicketId> first = threads.findReceived(contentKey);
    if (first.isPresent()) {
      TicketKey key = helpdesk.tickets().find(INTAKE, first.get()).map(Ticket::key).orElse(null);
      notes.add("this message (the same Message-ID and content) was received before");
      return new IntakeResult(Status.DUPLICATE, first.get(), key, ThreadedBy.DUPLICATE, messageId, null, flags, null, notes);
    }

    // our own notification (or a message from one of our own addresses) coming back: a loop
    if (checkOwnMessageId(messageId).ticket != null || isOwnAddress(address)) {
      flags.add(Flag.LOOP);
      return quarantine(raw, messageId, "mail loop: the message comes from this helpdesk", flags);
    }
    if (namesOwnAddress(mail.all("X-Loop"))) {
      flags.add(Flag.LOOP);
      return quarantine(raw, messageId, "mail loop: X-Loop names this helpdesk", flags);
    }
    if (flags.contains(Flag.BOUNCE)) {
      return quarantine(raw, messageId, "bounce (delivery status notification): not a customer message", flags);
    }
    if (!rateLimiter.tryAcquire(address)) {
      flags.add(Flag.RATE_LIMITED);
      return quarantine(raw, messageId, "sender rate limit: " + address + " already sent " + senderRateLimit.maxMessages()
          + " messages within " + senderRateLimit.window(), flags);
    }

    // degenerate ids (such as "@") would join unrelated messages: only well-formed ones thread
    List<String> inReplyTo = inReplyToIds(mail.all("In-Reply-To")).stream().filter(MessageIdentity::wellFormed).toList();
    List<String> references = ids(mail.all("References")).stream().filter(MessageIdentity::wellFormed).toList();
    LinkedHashSet<String> refs = new LinkedHashSet<>(inReplyTo);
    for (int i = references.size() - 1; i >= 0; i--) {
      refs.add(references.get(i)); // nearest parent first
    }
    refs.remove(messageId); // a message referring to itself is no thread
    List<String> refList = new ArrayList<>(refs);
    if (refList.size() > MAX_REFERENCES) {
      notes.add("only the first " + MAX_REFERENCES + " referenced ids were used");
      refList = refList.subList(0, MAX_REFERENCES);
    }

    Ticket target = null;
    ThreadedBy by = ThreadedBy.NEW_TICKET;
    // 1. our signed Message-IDs
    for (String id : refList) {
      OwnCheck c = checkOwnMessageId(id);
      if (c.forged) {
        flags.add(Flag.FORGED_TOKEN);
        notes.add("ignored a Frontline Message-ID with an invalid signature");
      } else if (c.ticket != null && target == null) {
        target = admit(existing(c.ticket), address, flags, notes);
        if (target != null) {
          by = ThreadedBy.OWN_MESSAGE_ID;
        }
      }
    }
    // 2. messages received before (or referred to before)
    if (target == null) {
      // every ticket the conversation reached (one per author outside the others, under the
      // participant rule): the sender's own
      List<String> lookups = new ArrayList<>(refList);
      lookups.add(messageId);
      if (reusedId != null) {
        lookups.add(reusedId);
      }
      search:
      for (String id : lookups) {
        for (TicketId t : threads.findThread(id)) {
          if ((target = admit(existing(t), address, flags, notes)) != null) {
            by = ThreadedBy.REFERENCES;
            break search;
          }
        }
      }
    }
    // 3. signed reply address
    for (String rcpt : recipients(mail)) {
      OwnCheck c = checkReplyAddress(rcpt);
      if (c.forged) {
        flags.add(Flag.FORGED_TOKEN);
        notes.add("ignored a reply address with an invalid signature");
      } else if (c.ticket != null && target == null) {
        target = admit(existing(c.ticket), address, flags, notes);
        if (target != null) {
          by = ThreadedBy.REPLY_ADDRESS;
        }
      }
    }
    // only the start of a subject can reach the ticket (MAX_SUBJECT characters): decode no more of
    // it than can survive the cut (an encoded word shrinks at most some ten times when decoded)
    String rawSubject = Objects.requireNonNullElse(mail.first("Subject"), "");
    if (rawSubject.length() > 16 * Ticket.MAX_SUBJECT) {
      rawSubject = rawSubject.substring(0, 16 * Ticket.MAX_SUBJECT);
    }
    String subject = Texts.oneLine(MimeReader.decodeWords(rawSubject), Ticket.MAX_SUBJECT);
    // 4. subject tag, participants only
    if (target == null) {
      Matcher m = SUBJECT_TAG.matcher(subject);
      while (m.find() && target == null) {
        Optional<Ticket> tagged = byKey(TicketKey.parse(m.group(1)));
        if (tagged.isPresent()) {
          if (isParticipant(tagged.get(), address)) {
            target = tagged.get();
            by = ThreadedBy.SUBJECT_TAG;
          } else {
            flags.add(Flag.SUBJECT_TAG_IGNORED);
            notes.add("ignored subject tag " + m.group(1) + ": the sender is not a participant");
          }
        }
      }
    }

    Customer customer = findOrCreateCustomer(address, from.getName(), languageOf(mail.all("Content-Language")));
    String body = bodyOf(mail, flags, false);
    String stripped;
    if (target != null) {
      // HTML-only mail: the text without the quoting elements (they leave ">" lines behind); if
      // nothing but quotes remains, the whole text as for plain-text mail
      String reply = bodyOf(mail, flags, true);
      stripped = ReplyText.stripQuotes(reply);
      if (stripped.equals(reply) && !reply.equals(body)) {
        stripped = ReplyText.stripQuotes(body);
      }
    } else {
      stripped = ReplyText.stripSignature(body);
    }
    if (!stripped.equals(body)) {
      flags.add(Flag.QUOTES_STRIPPED);
      body = stripped;
    }
    List<NewAttachment> attachments = new ArrayList<>(mail.attachments());
    attachments.add(new NewAttachment("original.eml", "message/rfc822", raw));

    Ticket result;
    Status status;
    Principal asCustomer = Principal.customer(customer.id());
    if (target != null) {
      boolean own = helpdesk.access().may(helpdesk.access().rightsOf(asCustomer), target, Permission.TICKET_REPLY_PUBLIC);
      Principal author = own ? asCustomer : INTAKE;
      String text = own ? body : "From: " + describe(customer) + "\n\n" + body;
      try {
        result = helpdesk.tickets().reply(author, target.id(), Ticket.ANY_VERSION, message(text, attachments, flags));
        status = Status.APPENDED;
        if (!result.id().equals(target.id())) {
          notes.add("added to " + result.key() + " (follow-up of or merged from " + target.key() + ")");
        }
      } catch (IllegalTransitionException e) {
        notes.add(target.key() + " takes no replies (" + e.getMessage() + "); opened a new ticket");
        result = create(asCustomer, subject, customer, body, attachments, flags);
        status = Status.CREATED;
        by = ThreadedBy.NEW_TICKET;
      }
    } else {
      result = create(asCustomer, subject, customer, body, attachments, flags);
      status = Status.CREATED;
    }
    threads.recordReceived(messageId, result.id());
    threads.recordReceived(contentKey, result.id());
    // link the conversation: each of this message's ids (its own, the id it reuses, the ids it
    // names) learns the ticket and every ticket the others reached, so a later message naming any
    // of them finds the ticket its sender takes part in
    List<String> linked = new ArrayList<>();
    linked.add(messageId);
    if (reusedId != null) {
      linked.add(reusedId);
    }
    for (String id : refList) {
      if (checkOwnMessageId(id).ticket == null && !checkOwnMessageId(id).forged) {
        threads.recordReferenced(id, result.id());
        linked.add(id);
      }
    }
    LinkedHashSet<TicketId> reached = new LinkedHashSet<>();
    reached.add(result.id());
    for (String id : linked) {
      for (TicketId t : threads.findThread(id)) {
        if (reached.size() < MAX_THREAD_TICKETS) {
          reached.add(t);
        }
      }
    }
    for (String id : linked) {
      for (TicketId t : reached) {
        threads.recordThread(id, t);
      }
    }
    threads.addParticipant(result.id(), address);
    return new IntakeResult(status, result.id(), result.key(), by, messageId, customer.id(), flags, null, notes);
  }

  private Ticket create(Principal asCustomer, String subject, Customer customer, String body, List<NewAttachment> attachments, Set<Flag> flags) {
    String s = subject.isBlank() ? "(no subject)" : subject;
    return helpdesk.tickets().create(asCustomer, NewTicket.builder(s, customer.id(), message(body, attachments, flags)).build());
  }

  private static Message message(String body, List<NewAttachment> attachments, Set<Flag> flags) {
    String b = body.isBlank() ? NO_TEXT : body;
    if (b.length() > Entry.MAX_BODY) {
      flags.add(Flag.BODY_TRUNCATED);
      b = b.substring(0, Entry.MAX_BODY - 200) + "\n\n[cut: the full message is attached as original.eml]";
    }
    return new Message(b, Channel.EMAIL, attachments);
  }

  private static String describe(Customer c) {
    return c.email() == null ? c.name() : c.name() + " <" + c.email() + ">";
  }

  private @Nullable Ticket existing(TicketId id) {
    return helpdesk.tickets().find(INTAKE, id).orElse(null);
  }

  private Optional<Ticket> byKey(TicketKey key) {
    try {
      return Optional.of(helpdesk.tickets().getByKey(INTAKE, key));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The participant rule ({@link dev.frontline.helpdesk.access.AccessControl#joinsByMail}), applied
   * on every threading path (headers, signed ids and addresses, subject tags): a message joins a
   * ticket only if its sender is the requester, wrote into the ticket before, or is a customer who
   * may reply to it. Anyone else's message opens a new ticket, so naming a known Message-ID grants
   * nothing.
   */
  private boolean isParticipant(Ticket t, String address) {
    Optional<Customer> requester = helpdesk.directory().findCustomer(t.requester());
    Optional<Customer> sender = requester.isPresent() && requester.get().email() != null
        && requester.get().email().equalsIgnoreCase(address) ? requester : helpdesk.directory().findCustomerByEmail(address);
    AccessControl access = helpdesk.access();
    Rights rights = sender.isPresent() ? access.rightsOf(Principal.customer(sender.get().id())) : Rights.none(Principal.anonymous());
    return access.joinsByMail(rights, t, () -> threads.isParticipant(t.id(), address));
  }

  /** The candidate if the sender is a participant of it, else null (flagged and noted). */
  private @Nullable Ticket admit(@Nullable Ticket candidate, String address, Set<Flag> flags, List<String> notes) {
    if (candidate == null || isParticipant(candidate, address)) {
      return candidate;
    }
    if (flags.add(Flag.NOT_A_PARTICIPANT)) {
      notes.add("ignored a reference to another ticket: the sender is not a participant of it");
    }
    return null;
  }

  /**
   * The first language of a {@code Content-Language} header (RFC 3282), e.g. {@code da-DK} of
   * {@code "da-DK, en"}; null if there is none or it is not a plain language tag.
   */
  static @Nullable Locale languageOf(List<String> headers) {
    for (String h : headers) {
      for (String tag : h.split(",")) {
        String t = tag.strip();
        if (!CONTENT_LANGUAGE.matcher(t).matches()) {
          continue;
        }
        Locale l = Locale.forLanguageTag(t);
        if (!l.getLanguage().isEmpty() && !l.getLanguage().equals("und")) {
          return l;
        }
      }
    }
    return null;
  }

  private Customer findOrCreateCustomer(String address, @Nullable String displayName, @Nullable Locale language) {
    Optional<Customer> found = helpdesk.directory().findCustomerByEmail(address);
    if (found.isPresent()) {
      return found.get();
    }
    String name = Texts.oneLine(MimeReader.decodeWords(displayName == null ? "" : displayName), 200);
    if (name.isBlank()) {
      name = Texts.oneLine(address.substring(0, address.indexOf('@')), 200);
    }
    // a plain customer: nothing in a message can grant more; the message's language becomes the
    // customer's, so their tickets are routed to and answered in it
    Customer c = Customer.of(CustomerId.of(ids.next()), name, address).withLocale(language);
    try {
      helpdesk.directory().saveCustomer(c);
      return c;
    } catch (ConflictException e) {
      return helpdesk.directory().findCustomerByEmail(address).orElseThrow(() -> e);
    }
  }

  /** The text/plain body, else the HTML body as text ({@code reply}: without quoting elements). */
  private static String bodyOf(ParsedMail mail, Set<Flag> flags, boolean reply) {
    String text = mail.plainText();
    if (text == null || text.isBlank()) {
      if (mail.htmlText() != null && !mail.htmlText().isBlank()) {
        flags.add(Flag.HTML_BODY);
        text = reply && mail.htmlReplyText() != null ? mail.htmlReplyText() : mail.htmlText();
      }
    }
    return text == null ? "" : Texts.cleanBody(text).strip();
  }

  private static void detectAutomation(ParsedMail mail, Set<Flag> flags) {
    String auto = mail.first("Auto-Submitted");
    if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      flags.add(Flag.AUTO_SUBMITTED);
    }
    for (String h : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponse", "X-Autogenerated", "X-Mail-Autoreply")) {
      if (mail.first(h) != null) {
        flags.add(Flag.AUTO_SUBMITTED);
      }
    }
    // delivery status notifications (RFC 3464) and other machine reports (read receipts, ...)
    String reportType = reportType(mail.first("Content-Type"));
    if (reportType != null) {
      flags.add(Flag.AUTO_SUBMITTED);
      if (reportType.equals("delivery-status")) {
        flags.add(Flag.BOUNCE);
      }
    }
    if (mail.first("X-Failed-Recipients") != null) {
      flags.add(Flag.AUTO_SUBMITTED);
      flags.add(Flag.BOUNCE); // Exim bounces
    }
    String suppress = mail.first("X-Auto-Response-Suppress");
    if (suppress != null && suppress.toLowerCase(Locale.ROOT).matches(".*\\b(all|autoreply|oof)\\b.*")) {
      flags.add(Flag.AUTO_SUBMITTED);
    }
    String returnPath = mail.first("Return-Path");
    if (returnPath != null && returnPath.replace(" ", "").equals("<>")) {
      flags.add(Flag.AUTO_SUBMITTED); // bounces have an empty envelope sender
    }
    for (String h : List.of("Precedence", "X-Precedence")) {
      String precedence = mail.first(h);
      if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("(bulk|junk|list|auto_reply).*")) {
        flags.add(Flag.BULK);
      }
    }
    if (mail.first("List-Id") != null || mail.first("List-Unsubscribe") != null) {
      flags.add(Flag.BULK);
    }
  }

  /** The report-type of a {@code multipart/report} Content-Type (lower case, "" if none), else null. */
  private static @Nullable String reportType(@Nullable String contentType) {
    if (contentType == null || !contentType.strip().regionMatches(true, 0, "multipart/report", 0, 16)) {
      return null;
    }
    try {
      ContentTypeField f = ContentTypeFieldLenientImpl.PARSER.parse(new RawField("Content-Type", contentType), DecodeMonitor.SILENT);
      String t = f.getParameter("report-type");
      return t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** Whether an X-Loop value names one of our addresses. */
  private boolean namesOwnAddress(List<String> xLoop) {
    for (String v : xLoop) {
      String value = MimeReader.decodeWords(v);
      try {
        for (Mailbox m : LenientAddressParser.DEFAULT.parseAddressList(value).flatten()) {
          if (m.getLocalPart() != null && m.getDomain() != null && isOwnAddress(m.getAddress().toLowerCase(Locale.ROOT))) {
            return true;
          }
        }
      } catch (RuntimeException e) {
        // fall through to the plain check
      }
      if (isOwnAddress(stripAngles(value).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- ids and tokens

  /** The message's own id if well-formed (and not in the domain of generated ids), else a generated one. */
  private static String messageIdOf(ParsedMail mail, byte[] raw, List<String> notes) {
    List<String> own = ids(mail.all("Message-ID"));
    if (!own.isEmpty() && MessageIdentity.wellFormed(own.get(0))
        && !own.get(0).toLowerCase(Locale.ROOT).endsWith("@" + MessageIdentity.GENERATED_DOMAIN)) {
      return own.get(0);
    }
    if (mail.first("Message-ID") != null) {
      notes.add("the Message-ID is malformed; a generated id is used");
    }
    return MessageIdentity.generatedId(raw);
  }

  /** Ids in angle brackets from header values, in order, without duplicates. */
  private static List<String> ids(List<String> values) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String v : values) {
      Matcher m = ANGLE_ID.matcher(v);
      while (m.find() && out.size() <= MAX_REFERENCES * 2) {
        out.add(m.group(1));
      }
      if (!v.contains("<")) {
        // some mailers omit the brackets
        for (String token : v.strip().split("\\s+")) {
          if (token.indexOf('@') > 0 && token.length() <= 900) {
            out.add(token);
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The ids of In-Reply-To values: as {@link #ids}, without the author's address of the MH form
   * {@code Message from NAME <address> of DATE <id>} (an address in brackets followed by "of").
   */
  static List<String> inReplyToIds(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      List<String> authors = new ArrayList<>();
      Matcher a = AUTHOR_OF.matcher(v);
      while (a.find() && authors.size() <= MAX_REFERENCES) {
        authors.add(a.group(1));
      }
      List<String> found = ids(List.of(v));
      found.removeAll(authors);
      out.addAll(found);
    }
    return out;
  }

  private static String stripAngles(String id) {
    String s = Objects.requireNonNull(id, "id").strip();
    if (s.startsWith("<") && s.endsWith(">") && s.length() >= 2) {
      s = s.substring(1, s.length() - 1);
    }
    return s;
  }

  private record OwnCheck(@Nullable TicketId ticket, boolean forged) {}

  private static final OwnCheck NOT_OURS = new OwnCheck(null, false);
  private static final OwnCheck FORGED = new OwnCheck(null, true);

  private OwnCheck checkOwnMessageId(String id) {
    int at = id.lastIndexOf('@');
    if (at < 0 || !id.substring(at + 1).equalsIgnoreCase(domain) || !id.startsWith("ticket-")) {
      return NOT_OURS;
    }
    String[] p = id.substring("ticket-".length(), at).split("\\.", -1);
    if (p.length != 3 || !B64.matcher(p[0]).matches() || !B64.matcher(p[1]).matches() || !B64.matcher(p[2]).matches()) {
      return FORGED;
    }
    if (!signer.verify("message-id", p[0] + "." + p[1], p[2])) {
      return FORGED;
    }
    TicketId t = decode(p[0]);
    return t == null ? FORGED : new OwnCheck(t, false);
  }

  private OwnCheck checkReplyAddress(String address) {
    String a = address.strip();
    int at = a.lastIndexOf('@');
    if (at < 0 || !a.substring(at + 1).equalsIgnoreCase(domain)) {
      return NOT_OURS;
    }
    String local = a.substring(0, at);
    String prefix = replyLocalPart + "+";
    if (!local.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return NOT_OURS;
    }
    String[] p = local.substring(prefix.length()).split("\\.", -1);
    if (p.length != 2 || !B64.matcher(p[0]).matches() || !B64.matcher(p[1]).matches()) {
      return FORGED;
    }
    if (!signer.verify("reply-address", p[0], p[1])) {
      return FORGED;
    }
    TicketId t = decode(p[0]);
    return t == null ? FORGED : new OwnCheck(t, false);
  }

  private boolean isOwnAddress(String address) {
    int at = address.lastIndexOf('@');
    if (at < 0 || !address.substring(at + 1).equalsIgnoreCase(domain)) {
      return false;
    }
    String local = address.substring(0, at);
    return local.equalsIgnoreCase(replyLocalPart) || local.toLowerCase(Locale.ROOT).startsWith(replyLocalPart.toLowerCase(Locale.ROOT) + "+");
  }

  private static String encode(TicketId id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id.value().getBytes(StandardCharsets.UTF_8));
  }

  private static @Nullable TicketId decode(String token) {
    try {
      return TicketId.of(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static @Nullable Mailbox firstMailbox(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      AddressList list = LenientAddressParser.DEFAULT.parseAddressList(value);
      for (Address a : list) {
        if (a instanceof Mailbox m && m.getLocalPart() != null && m.getDomain() != null) {
          return m;
        }
        if (a instanceof Group g && !g.getMailboxes().isEmpty()) {
          return g.getMailboxes().get(0);
        }
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }

  private static List<String> recipients(ParsedMail mail) {
    List<String> out = new ArrayList<>();
    for (String h : List.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")) {
      for (String v : mail.all(h)) {
        try {
          for (Mailbox m : LenientAddressParser.DEFAULT.parseAddressList(v).flatten()) {
            if (m.getLocalPart() != null && m.getDomain() != null) {
              out.add(m.getAddress());
            }
          }
        } catch (RuntimeException e) {
          // an unparsable recipient list threads nothing
        }
      }
    }
    return out;
  }

  /**
   * Configures an {@link EmailIntake}. Setters validate at once ({@link IllegalArgumentException},
   * {@link NullPointerException}). Not thread-safe.
   */
  public static final class Builder {
    private final Helpdesk helpdesk;
    private final HelpdeskStores stores;
    private IdGenerator ids = IdGenerator.secureRandom();
    private @Nullable EmailThreadStore threads;
    private @Nullable String domain;
    private String replyLocalPart = "support";
    private byte @Nullable [] secret;
    private EmailLimits limits = EmailLimits.ofDefaults();
    private SenderRateLimit senderRateLimit = SenderRateLimit.ofDefaults();

    private Builder(Helpdesk helpdesk, HelpdeskStores stores) {
      this.helpdesk = helpdesk;
      this.stores = stores;
    }

    /**
     * @param generator makes the ids of customers created for unknown senders (default {@link
     *     IdGenerator#secureRandom()}; pass the helpdesk's own generator to keep one id scheme)
     * @return this
     */
    public Builder ids(IdGenerator generator) {
      ids = Objects.requireNonNull(generator, "ids");
      return this;
    }

    /**
     * @param store where Message-IDs, ghost parents and participants are kept (default: the store
     *     bundle's {@code emailThreadStore()})
     * @return this
     */
    public Builder threadStore(EmailThreadStore store) {
      threads = Objects.requireNonNull(store, "threadStore");
      return this;
    }

    /**
     * @param d our mail domain, used in generated Message-IDs and reply addresses (required), e.g.
     *     {@code help.example.com}
     * @return this
     * @throws IllegalArgumentException if not a host name (this also rules out CR/LF)
     */
    public Builder domain(String d) {
      Objects.requireNonNull(d, "domain");
      if (!DOMAIN.matcher(d).matches()) {
        throw new IllegalArgumentException("domain must be a host name such as help.example.com");
      }
      domain = d;
      return this;
    }

    /**
     * @param localPart the local part of reply addresses before the {@code +} (default {@code support})
     * @return this
     * @throws IllegalArgumentException if not 1-32 letters, digits, {@code . _ -}
     */
    public Builder replyLocalPart(String localPart) {
      Objects.requireNonNull(localPart, "replyLocalPart");
      if (!LOCAL_PART.matcher(localPart).matches()) {
        throw new IllegalArgumentException("reply local part must be 1-32 letters, digits, '.', '_' or '-'");
      }
      replyLocalPart = localPart;
      return this;
    }

    /**
     * @param key the HMAC-SHA256 key for Message-IDs and reply addresses (required, at least 32
     *     bytes, copied); keep it secret and stable, or earlier tokens stop verifying
     * @return this
     * @throws IllegalArgumentException if shorter than 32 bytes
     */
    public Builder secret(byte[] key) {
      Objects.requireNonNull(key, "secret");
      if (key.length < 32) {
        throw new IllegalArgumentException("secret must be at least 32 bytes");
      }
      secret = key.clone();
      return this;
    }

    /**
     * @param l the limits (default {@link EmailLimits#ofDefaults()})
     * @return this
     */
    public Builder limits(EmailLimits l) {
      limits = Objects.requireNonNull(l, "limits");
      return this;
    }

    /**
     * @param l how many messages from one sender address become tickets or replies within a
     *     sliding window, measured on the helpdesk's clock (default {@link
     *     SenderRateLimit#ofDefaults()}: 20 per hour; {@link SenderRateLimit#unlimited()} for none)
     * @return this
     */
    public Builder senderRateLimit(SenderRateLimit l) {
      senderRateLimit = Objects.requireNonNull(l, "senderRateLimit");
      return this;
    }

    /**
     * @return the intake
     * @throws IllegalStateException if the domain or secret is missing
     * @throws dev.frontline.helpdesk.ConfigurationException if no thread store was given and the
     *     store bundle has none
     */
    public EmailIntake build() {
      if (domain == null || secret == null) {
        throw new IllegalStateException("domain and secret are required");
      }
      return new EmailIntake(this);
    }
  }
}
