package dev.frontline.helpdesk.knowledge;

/** How an article's body is written. Search indexes the text without markup. */
public enum BodyFormat {
  /** CommonMark text. */
  MARKDOWN,
  /** HTML; hosts must sanitize it before rendering. */
  HTML
}
