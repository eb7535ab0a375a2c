package dev.frontline.examples.web;

import dev.frontline.helpdesk.access.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the start page, which sends agents to the console and customers to the portal. */
@Controller
public class HomeController {
  private final CurrentUser currentUser;

  /** @param currentUser the signed-in user */
  public HomeController(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  /** @return a redirect to the console or the portal */
  @GetMapping("/")
  public String home() {
    Principal p = currentUser.principal();
    if (p instanceof Principal.Agent) {
      return "redirect:/console";
    }
    return p instanceof Principal.Customer ? "redirect:/portal" : "redirect:/login";
  }

  /**
   * @param model the view model
   * @return the demo login page
   */
  @GetMapping("/login")
  public String login(Model model) {
    model.addAttribute("users", DemoData.USERS);
    return "login";
  }
}
