package dev.frontline.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.email.internal.HtmlText;
import dev.frontline.helpdesk.email.internal.ReplyText;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyTextTest {
  @Test
  @DisplayName("quoted lines, attributions and signatures are cut; interleaved answers stay")
  void stripQuotes() {
    String text = "Answer one.\n\nCarl Worth <cworth@cworth.org> writes:\n> question one\n> more\n\nAnswer two.\n"
        + "On Tue, 1 Jan 2026 10:00, Bob <bob@example.org>\nwrote:\n> old\n\n-- \nAnn\nPhone 123\n";
    assertThat(ReplyText.stripQuotes(text)).isEqualTo("Answer one.\n\nAnswer two.");
  }

  @Test
  @DisplayName("an original-message block is cut; a message that is all quote is kept whole")
  void originalBlock() {
    assertThat(ReplyText.stripQuotes("Yes.\n-----Original Message-----\nFrom: x\n")).isEqualTo("Yes.");
    assertThat(ReplyText.stripQuotes("> only a quote")).isEqualTo("> only a quote");
    assertThat(ReplyText.stripSignature("Hi\n-- \nsig")).isEqualTo("Hi");
    assertThat(ReplyText.stripSignature("a line wrote: yes\n> kept for new tickets")).isEqualTo("a line wrote: yes\n> kept for new tickets");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("attribution lines in English, Danish, German, Hungarian and French are cut with the quote")
  @ValueSource(strings = {
      "On Mon, Jan 5, 2026 at 10:00 AM Ann Smith <ann@example.org> wrote:",
      "On 05/01/2026, 10:00, \"Ann Smith\" <ann@example.org> wrote:",
      "Den man. 5. jan. 2026 kl. 10.00 skrev Ann Hansen <ann@example.dk>:",
      "Den 05-01-2026 kl. 10:00 skrev Ann Hansen:",
      "Ann Hansen skrev:",
      "Am Mo., 5. Jan. 2026 um 10:00 Uhr schrieb Anna M\u00fcller <anna@example.de>:",
      "Am 05.01.26 um 10:00 schrieb Anna M\u00fcller:",
      "Kov\u00e1cs P\u00e9ter <peter@example.hu> ezt \u00edrta (id\u0151pont: 2026. jan. 5., H, 10:00):",
      "2026. 01. 05. 10:00 keltez\u00e9ssel, Kov\u00e1cs P\u00e9ter \u00edrta:",
      "Le lun. 5 janv. 2026 \u00e0 10:00, Anne <anne@example.fr> a \u00e9crit :"})
  void attributions(String attribution) {
    assertThat(ReplyText.stripQuotes("Thanks, it works now.\n\n" + attribution + "\n> Try turning it off and on.\n> \n"))
        .isEqualTo("Thanks, it works now.");
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("a dated attribution followed by a quote without > marks cuts the rest")
  @ValueSource(strings = {
      "On Mon, Jan 5, 2026 at 10:00 AM Ann Smith <ann@example.org> wrote:",
      "Den man. 5. jan. 2026 kl. 10.00 skrev Ann Hansen <ann@example.dk>:",
      "Am Mo., 5. Jan. 2026 um 10:00 Uhr schrieb Anna M\u00fcller <anna@example.de>:",
      "Kov\u00e1cs P\u00e9ter <peter@example.hu> ezt \u00edrta (id\u0151pont: 2026. jan. 5., H, 10:00):"})
  void unmarkedQuote(String attribution) {
    assertThat(ReplyText.stripQuotes("Thanks, it works now.\n\n" + attribution + "\n\nTry turning it off and on.\nRegards, Support\n"))
        .isEqualTo("Thanks, it works now.");
  }

  @Test
  @DisplayName("wrapped attribution lines are cut in every language; undated \"wrote:\" before own text is kept")
  void wrappedAndUndated() {
    assertThat(ReplyText.stripQuotes("Yes.\nDen man. 5. jan. 2026 kl. 10.00 skrev Ann Hansen <\nann@example.dk>:\n> old\n"))
        .isEqualTo("Yes.");
    assertThat(ReplyText.stripQuotes("Yes.\nAm Mo., 5. Jan. 2026 um 10:00 Uhr schrieb Anna <\nanna@example.de>:\n> alt\n"))
        .isEqualTo("Yes.");
    assertThat(ReplyText.stripQuotes("Yes.\nKov\u00e1cs P\u00e9ter <peter@example.hu> ezt \u00edrta (id\u0151pont: 2026. jan. 5., H,\n10:00):\n> r\u00e9gi\n"))
        .isEqualTo("Yes.");
    // no date, no address: could be the customer's own words, so only cut when a > quote follows
    String own = "Hi,\nOn Monday my colleague wrote:\nthe printer is fine again.";
    assertThat(ReplyText.stripQuotes(own)).isEqualTo(own);
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("Outlook header blocks cut the quoted message below them")
  @ValueSource(strings = {
      "From: Support <support@help.example.com>\nSent: Monday, January 5, 2026 10:00 AM\nTo: Ann <ann@example.org>\nSubject: RE: [HD-1] Printer",
      "*From:* Support <support@help.example.com>\n*Sent:* Monday, January 5, 2026 10:00 AM\n*To:* Ann\n*Subject:* RE: Printer",
      "From: Support\nDate: Mon, 5 Jan 2026 10:00\nSubject: Printer",
      "Fra: Support <support@help.example.com>\nSendt: 5. januar 2026 10:00\nTil: Ann Hansen\nEmne: SV: Printer",
      "Von: Support <support@help.example.com>\nGesendet: Montag, 5. Januar 2026 10:00\nAn: Anna\nCc: Team\nBetreff: AW: Drucker",
      "Felad\u00f3: Support <support@help.example.com>\nElk\u00fcldve: 2026. janu\u00e1r 5. 10:00\nC\u00edmzett: P\u00e9ter\nT\u00e1rgy: V: Nyomtat\u00f3"})
  void outlookHeaderBlocks(String block) {
    assertThat(ReplyText.stripQuotes("Thanks, it works now.\n\n" + block + "\n\nTry turning it off and on.\n")).isEqualTo("Thanks, it works now.");
  }

  @Test
  @DisplayName("localized original-message separators; a From line without Sent and Subject is kept; a pure forward is kept whole")
  void separatorsAndForwards() {
    assertThat(ReplyText.stripQuotes("Ja.\n-----Oprindelig meddelelse-----\nFra: x\n")).isEqualTo("Ja.");
    assertThat(ReplyText.stripQuotes("Igen.\n-----Eredeti \u00fczenet-----\nFelad\u00f3: x\n")).isEqualTo("Igen.");
    String mention = "From: the accounts team\nTo: whom it may concern\nThe invoice is wrong.";
    assertThat(ReplyText.stripQuotes(mention)).isEqualTo(mention);
    String forward = "From: Ann <ann@example.org>\nSent: Monday, January 5, 2026 10:00 AM\nTo: Bob\nSubject: Printer\n\nIt burns.";
    assertThat(ReplyText.stripQuotes(forward)).isEqualTo(forward);
  }

  @Test
  @DisplayName("HTML reply text drops blockquotes, Gmail and Yahoo quote containers and Outlook's quoted message; the full conversion keeps them")
  void htmlQuotes() {
    String gmail = "<div dir=\"ltr\">Thanks, works now.</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">"
        + "On Mon, Jan 5, 2026 at 10:00 AM Support &lt;support@help.example.com&gt; wrote:<br></div>"
        + "<blockquote class=\"gmail_quote\" style=\"margin:0\">Try <b>this</b>.<blockquote>older</blockquote></blockquote></div>";
    assertThat(HtmlText.toText(gmail, true)).isEqualTo("Thanks, works now.\n\n>");
    assertThat(reply(gmail)).isEqualTo("Thanks, works now.");
    assertThat(HtmlText.toText(gmail)).contains("Try this.", "older", "wrote:");
    String outlook = "<div>Fixed, thank you.</div><div id=\"appendonsend\"></div><hr style=\"display:inline-block\">"
        + "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><b>From:</b> Support<br><b>Sent:</b> Monday<br><b>Subject:</b> RE: x</div>"
        + "<div>the quoted original</div>";
    assertThat(reply(outlook)).isEqualTo("Fixed, thank you.");
    assertThat(HtmlText.toText(outlook)).contains("the quoted original");
    // the attribution outside the blockquote goes with it; text after the quote stays
    String thunderbird = "<p>Done.</p><div class=\"moz-cite-prefix\">On 05.01.26 10:00, Support wrote:<br></div>"
        + "<blockquote type=\"cite\"><!-- </blockquote> -->old text</blockquote><p>PS: one more thing</p>";
    assertThat(reply(thunderbird)).isEqualTo("Done.\n\nPS: one more thing");
    assertThat(reply("<p>Hi</p><div class=\"yahoo_quoted\"><div>old</div>still old</div>")).isEqualTo("Hi");
    assertThat(reply("<p>new</p><BLOCKQUOTE>unclosed quote")).isEqualTo("new");
  }

  private static String reply(String html) {
    return ReplyText.stripQuotes(HtmlText.toText(html, true));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  @DisplayName("quote stripping stays linear on hostile input")
  void hostileQuotes() {
    String manyFroms = "From: x\n\n\n".repeat(50_000) + "text";
    assertThat(ReplyText.stripQuotes(manyFroms)).endsWith("text");
    String longAttribution = ("Den " + " skrev".repeat(60) + "\n").repeat(20_000) + "end";
    assertThat(ReplyText.stripQuotes(longAttribution)).endsWith("end");
    String nested = "<blockquote>".repeat(100_000) + "x" + "</blockquote>".repeat(100_000) + "after";
    assertThat(HtmlText.toText(nested, true)).isEqualTo(">\nafter");
    String divs = "<div class=\"gmail_quote\">".repeat(50_000) + "tail";
    assertThat(HtmlText.toText(divs, true)).isEqualTo(">");
  }

  @Test
  @DisplayName("HTML conversion is linear and safe on hostile input")
  void hostileHtml() {
    assertThat(HtmlText.toText("<scr<script>ipt>alert(1)</script>ok")).isEqualTo("ipt>alert(1)ok"); // only text remains: nothing is ever rendered;
    assertThat(HtmlText.toText("a < b and <unterminated")).isEqualTo("a");
    assertThat(HtmlText.toText("&#0;&#x110000;&#xD800;&bogus;x")).isEqualTo("&bogus;x");
    String big = "<div>".repeat(100_000) + "&".repeat(100_000);
    assertThat(HtmlText.toText(big)).endsWith("&&&");
  }
}
