package dev.frontline.helpdesk.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private final Template hello = Template.of("Hello {{customer.name}}, about {{ ticket.key }}: {{agent.name}}");

  @Test
  @DisplayName("plain text keeps names as they are (entry bodies are escaped where they are shown)")
  void plainText() {
    assertThat(hello.render(Map.of("customer.name", "O'Brien & Sons <AT&T>", "ticket.key", "HD-7", "agent.name", "Alice")))
        .isEqualTo("Hello O'Brien & Sons <AT&T>, about HD-7: Alice");
  }

  @Test
  @DisplayName("HTML rendering escapes values, never the template's own markup")
  void html() {
    Template t = Template.of("<p>Hello <b>{{customer.name}}</b></p>");
    assertThat(t.renderHtml(Map.of("customer.name", "<script>alert('x')</script> & co")))
        .isEqualTo("<p>Hello <b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</b></p>");
  }

  @Test
  @DisplayName("values are inserted once: a placeholder inside a value is not expanded")
  void noReExpansion() {
    assertThat(hello.render(Map.of("customer.name", "{{agent.name}} $1 \\", "ticket.key", "HD-1", "agent.name", "Alice")))
        .isEqualTo("Hello {{agent.name}} $1 \\, about HD-1: Alice");
  }

  @Test
  @DisplayName("control characters in values are dropped, newlines kept; missing values are empty")
  void controlCharacters() {
    assertThat(hello.render(Map.of("customer.name", "Bob\u0007\r\nSmith")))
        .isEqualTo("Hello Bob\nSmith, about : ");
  }

  @Test
  @DisplayName("unknown and malformed placeholders are rejected when the template is made")
  void rejected() {
    assertThatThrownBy(() -> Template.of("Hi {{customer.password}}")).isInstanceOf(ValidationException.class).hasMessageContaining("customer.password");
    assertThatThrownBy(() -> Template.of("Hi {{customer.name}")).isInstanceOf(ValidationException.class);
    assertThat(hello.placeholders()).containsExactly("customer.name", "ticket.key", "agent.name");
  }
}
