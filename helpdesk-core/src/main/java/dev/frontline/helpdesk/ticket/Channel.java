package dev.frontline.helpdesk.ticket;

/** Where a ticket or message came in. */
public enum Channel {
  /** E-mail. */
  EMAIL,
  /** Live chat. */
  CHAT,
  /** Telephone call. */
  PHONE,
  /** Web form or customer portal. */
  WEB,
  /** Face to face (walk-in, service desk). */
  IN_PERSON,
  /** The host application's API. */
  API,
  /** Social media or messaging apps. */
  SOCIAL,
  /** Created by support staff on someone's behalf. */
  INTERNAL
}
