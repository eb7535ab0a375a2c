package dev.frontline.examples.web;

import dev.frontline.helpdesk.access.Principal;
import dev.frontline.helpdesk.directory.AgentId;
import dev.frontline.helpdesk.directory.CustomerId;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Maps the signed-in user to the Frontline principal every service call needs. The identity comes
 * only from Spring Security's context, which is restored from the server-side session; nothing in
 * the request (parameters, headers, form fields) can name another user.
 */
@Component
public class CurrentUser {

  /** @return the principal of the signed-in user; anonymous if nobody is signed in */
  public Principal principal() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return Principal.anonymous();
    }
    for (GrantedAuthority a : auth.getAuthorities()) {
      if (("ROLE_" + SecurityConfiguration.AGENT).equals(a.getAuthority())) {
        return Principal.agent(AgentId.of(auth.getName()));
      }
    }
    for (GrantedAuthority a : auth.getAuthorities()) {
      if (("ROLE_" + SecurityConfiguration.CUSTOMER).equals(a.getAuthority())) {
        return Principal.customer(CustomerId.of(auth.getName()));
      }
    }
    return Principal.anonymous();
  }

  /**
   * @return the signed-in customer's id
   * @throws org.springframework.security.access.AccessDeniedException if the user is not a customer
   */
  public CustomerId customer() {
    if (principal() instanceof Principal.Customer c) {
      return c.id();
    }
    throw new org.springframework.security.access.AccessDeniedException("customers only");
  }
}
