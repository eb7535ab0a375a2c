package dev.frontline.examples.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Authentication and the web's safety nets. The demo signs users in with Spring Security's form
 * login against an in-memory user list ({@link DemoData#USERS}, password {@code demo}); the
 * session then carries the identity, and {@link CurrentUser} turns it into a Frontline principal.
 * Replace {@link #users} with your identity provider (OAuth2/OIDC login, LDAP, your user table).
 *
 * <p>CSRF protection is Spring Security's default: every form rendered with {@code th:action}
 * carries the token, and a POST without it is rejected. The Content-Security-Policy allows only
 * script files served by this application ({@code script-src 'self'}: the one small file {@code
 * /js/kb-suggest.js}); inline scripts and event-handler attributes never run, so even markup that
 * slipped through escaping could not execute.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
  /** Agents (Spring Security role {@code AGENT}) use the console. */
  public static final String AGENT = "AGENT";
  /** Customers (Spring Security role {@code CUSTOMER}) use the portal. */
  public static final String CUSTOMER = "CUSTOMER";

  /**
   * @param http Spring Security's builder
   * @return the filter chain
   * @throws Exception from the builder
   */
  @Bean
  public SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(a -> a
            .requestMatchers("/login", "/css/**", "/js/**", "/error").permitAll()
            .requestMatchers("/console/**").hasRole(AGENT)
            .requestMatchers("/portal/**").hasRole(CUSTOMER)
            .anyRequest().authenticated())
        .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
            "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")));
    return http.build();
  }

  /** @return BCrypt (and the other formats Spring Security recognises by their prefix) */
  @Bean
  public PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * The demo users. The user name is the Frontline agent or customer id; the role says which.
   *
   * @param encoder the password encoder
   * @return the user store
   */
  @Bean
  public UserDetailsService users(PasswordEncoder encoder) {
    String password = encoder.encode("demo");
    return new InMemoryUserDetailsManager(DemoData.USERS.stream()
        .map(u -> User.withUsername(u.username()).password(password).roles(u.agent() ? AGENT : CUSTOMER).build())
        .toList());
  }
}
