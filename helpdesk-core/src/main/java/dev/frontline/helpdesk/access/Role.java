package dev.frontline.helpdesk.access;

import dev.frontline.helpdesk.internal.Checks;
import java.util.EnumSet;
import java.util.Set;

/**
 * A named bundle of permissions with the scope they apply in. Immutable.
 *
 * @param name unique role name (an identifier)
 * @param permissions what the role may do: {@linkplain Permission#grantable() grantable} permissions only
 * @param scope which tickets its ticket permissions reach
 */
public record Role(String name, Set<Permission> permissions, Scope scope) {
  /** Validates and copies. */
  public Role {
    Checks.identifier(name, "role name");
    Checks.elements(permissions, "permissions", Permission.values().length);
    for (Permission p : permissions) {
      if (p.inherent()) {
        throw new dev.frontline.helpdesk.ValidationException("a role cannot grant " + p + ": who holds it follows from who the principal is (see Permission)");
      }
    }
    permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    Checks.notNull(scope, "scope");
  }

  /**
   * @param name role name
   * @param scope scope
   * @param permissions permissions
   * @return the role
   */
  public static Role of(String name, Scope scope, Permission... permissions) {
    return new Role(name, Set.of(permissions), scope);
  }
}
