package dev.frontline.examples.web;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.ConcurrentModificationException;
import dev.frontline.helpdesk.IllegalTransitionException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.ValidationException;
import dev.frontline.helpdesk.access.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page gets (the signed-in user's name for the header) and how Frontline's exceptions
 * become HTTP answers. A ticket the user may not see is a plain 404 that tells nothing about it,
 * exactly like an id that does not exist.
 */
@ControllerAdvice
public class WebAdvice {
  private final CurrentUser currentUser;
  private final Views views;

  /**
   * @param currentUser the signed-in user
   * @param views names
   */
  public WebAdvice(CurrentUser currentUser, Views views) {
    this.currentUser = currentUser;
    this.views = views;
  }

  /** @return the signed-in user's display name, or null on the login page */
  @ModelAttribute("me")
  public @Nullable String me() {
    Principal p = currentUser.principal();
    if (p instanceof Principal.Agent a) {
      return views.agentName(a.id());
    }
    return p instanceof Principal.Customer c ? views.customerName(c.id()) : null;
  }

  /** @return whether the signed-in user is an agent */
  @ModelAttribute("agent")
  public boolean agent() {
    return currentUser.principal() instanceof Principal.Agent;
  }

  /**
   * @param e not found or not visible
   * @return 404
   */
  @ExceptionHandler(NotFoundException.class)
  public ModelAndView notFound(NotFoundException e) {
    return error(HttpStatus.NOT_FOUND, "Not found", "There is no such ticket, or you may not see it.");
  }

  /**
   * @param e visible, but this action is not allowed
   * @return 403
   */
  @ExceptionHandler(AccessDeniedException.class)
  public ModelAndView denied(AccessDeniedException e) {
    return error(HttpStatus.FORBIDDEN, "Not allowed", "You may not do that with this ticket.");
  }

  /**
   * @param e the ticket changed since the page was loaded
   * @return 409
   */
  @ExceptionHandler(ConcurrentModificationException.class)
  public ModelAndView conflict(ConcurrentModificationException e) {
    return error(HttpStatus.CONFLICT, "Changed meanwhile", "Someone else changed this ticket. Go back, reload and try again.");
  }

  /**
   * @param e the lifecycle does not allow it
   * @return 409
   */
  @ExceptionHandler(IllegalTransitionException.class)
  public ModelAndView transition(IllegalTransitionException e) {
    return error(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
  }

  /**
   * @param e invalid input
   * @return 400 with the validation message (it names the field, never stored data)
   */
  @ExceptionHandler(ValidationException.class)
  public ModelAndView invalid(ValidationException e) {
    return error(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
  }

  private ModelAndView error(HttpStatus status, String title, @Nullable String message) {
    ModelAndView mv = new ModelAndView("error");
    // Exception handlers do not get the @ModelAttribute values; the header needs them.
    mv.addObject("me", me());
    mv.addObject("agent", agent());
    mv.setStatus(status);
    mv.addObject("status", status.value());
    mv.addObject("error", title);
    mv.addObject("message", message);
    return mv;
  }
}
