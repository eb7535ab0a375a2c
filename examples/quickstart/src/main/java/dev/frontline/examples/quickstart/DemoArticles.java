package dev.frontline.examples.quickstart;

import dev.frontline.helpdesk.knowledge.Article;
import dev.frontline.helpdesk.knowledge.ArticleId;
import dev.frontline.helpdesk.knowledge.ArticleStatus;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The demo knowledge base: three articles, each in English, Danish and Hungarian (one translation
 * group per article). Fixed ids, so saving them again replaces them instead of adding copies.
 */
final class DemoArticles {
  static final Locale ENGLISH = Locale.ENGLISH;
  static final Locale DANISH = Locale.forLanguageTag("da");
  static final Locale HUNGARIAN = Locale.forLanguageTag("hu");

  private DemoArticles() {}

  static List<Article> all() {
    return List.of(
        article("export-en", "export", ENGLISH, "Export invoices to CSV", List.of("Billing"),
            "If the export of your invoices stops or is slow, narrow the date range to at most 12 months and start "
                + "the export again under Billing > Export. Large exports run in the background; you receive a "
                + "download link by e-mail when the file is ready."),
        article("export-da", "export", DANISH, "Eksportér fakturaer til CSV", List.of("Fakturering"),
            "Hvis eksporten af dine fakturaer stopper eller er langsom, så begræns datointervallet til højst 12 "
                + "måneder, og start eksporten igen under Fakturering > Eksport. Store eksporter kører i baggrunden; "
                + "du får et downloadlink på e-mail, når filen er klar."),
        article("export-hu", "export", HUNGARIAN, "Számlák exportálása CSV-fájlba", List.of("Számlázás"),
            "Ha a számlák exportálása megszakad vagy lassú, szűkítse a dátumtartományt legfeljebb 12 hónapra, "
                + "majd indítsa újra az exportálást a Számlázás > Exportálás menüben. A nagy exportok a háttérben "
                + "készülnek; a letöltési linket e-mailben küldjük el, amikor a fájl elkészült."),
        article("password-en", "password", ENGLISH, "Reset your password", List.of("Account"),
            "Click \"Forgot password\" on the sign-in page and enter your e-mail address. The reset link is valid "
                + "for 30 minutes. If the e-mail does not arrive, check your spam folder."),
        article("password-da", "password", DANISH, "Nulstil din adgangskode", List.of("Konto"),
            "Klik på \"Glemt adgangskode\" på login-siden, og indtast din e-mailadresse. Linket til nulstilling "
                + "gælder i 30 minutter. Tjek din spam-mappe, hvis mailen ikke kommer."),
        article("password-hu", "password", HUNGARIAN, "Elfelejtett jelszó visszaállítása", List.of("Fiók"),
            "Kattintson a bejelentkezési oldalon az \"Elfelejtett jelszó\" linkre, és adja meg az e-mail-címét. "
                + "A visszaállító link 30 percig érvényes. Ha nem kapja meg a levelet, nézze meg a levélszemét mappát."),
        article("2fa-en", "two-factor", ENGLISH, "Set up two-factor authentication", List.of("Account"),
            "Turn on two-factor authentication under Account settings > Security and scan the QR code with an "
                + "authenticator app. Keep your backup codes in a safe place; each code works once."),
        article("2fa-da", "two-factor", DANISH, "Opsæt totrinsbekræftelse", List.of("Konto"),
            "Slå totrinsbekræftelse til under Kontoindstillinger > Sikkerhed, og scan QR-koden med en "
                + "godkendelsesapp. Gem dine backupkoder et sikkert sted; hver kode virker én gang."),
        article("2fa-hu", "two-factor", HUNGARIAN, "Kétlépcsős azonosítás beállítása", List.of("Fiók"),
            "Kapcsolja be a kétlépcsős azonosítást a Fiókbeállítások > Biztonság oldalon, és olvassa be a "
                + "QR-kódot egy hitelesítő alkalmazással. Őrizze meg biztonságos helyen a tartalék kódokat; "
                + "mindegyik kód egyszer használható."));
  }

  private static Article article(String id, String group, Locale locale, String title, List<String> category, String body) {
    return Article.builder(ArticleId.of(id), locale, title)
        .body(body)
        .categoryPath(category)
        .tags(Set.of(group))
        .translationGroup(group)
        .status(ArticleStatus.PUBLISHED)
        .build();
  }
}
