package dev.frontline.helpdesk.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  final byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  final WebhookSignature sig = WebhookSignature.withSecret(secret);
  final Instant now = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  @DisplayName("a signature verifies for the same body and fresh time only")
  void verify() {
    String body = "{\"type\":\"ticket.created\"}";
    String header = sig.sign(now, body);
    assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
    assertThat(sig.verify(header, body, now.plusSeconds(10), Duration.ofMinutes(5))).isTrue();
    assertThat(sig.verify(header, body + " ", now, Duration.ofMinutes(5))).isFalse();
    assertThat(sig.verify(header, body, now.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5))).isFalse();
    assertThat(WebhookSignature.withSecret("another-secret-another-secret-xx".getBytes(StandardCharsets.US_ASCII))
        .verify(header, body, now, Duration.ofMinutes(5))).isFalse();
    assertThat(sig.verify("garbage", body, now, Duration.ofMinutes(5))).isFalse();
    assertThat(sig.verify("t=1,v1=zz", body, now, Duration.ofMinutes(5))).isFalse();
  }

  @Test
  @DisplayName("a known HMAC-SHA256 value (computed independently)")
  void knownValue() {
    WebhookSignature s = WebhookSignature.withSecret("key-key-key-key-key-key-key-key!".getBytes(StandardCharsets.US_ASCII));
    assertThat(s.sign(Instant.ofEpochSecond(1), "hello")).isEqualTo("t=1,v1=" + KNOWN);
  }

  static final String KNOWN = "d040724363a6f06ea27df3e332d1f38c1b1784a633d275e87519d1197bf42f13";

  @Test
  @DisplayName("short secrets are rejected")
  void shortSecret() {
    assertThatThrownBy(() -> WebhookSignature.withSecret(new byte[16])).isInstanceOf(ValidationException.class);
  }
}
