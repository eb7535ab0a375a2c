package dev.frontline.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frontline.helpdesk.email.internal.HtmlText;
import dev.frontline.helpdesk.email.internal.ReplyText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
