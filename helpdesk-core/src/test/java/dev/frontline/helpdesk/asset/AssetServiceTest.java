package dev.frontline.helpdesk.asset;

import static dev.frontline.helpdesk.OpsDesk.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frontline.helpdesk.AccessDeniedException;
import dev.frontline.helpdesk.NotFoundException;
import dev.frontline.helpdesk.OpsDesk;
import dev.frontline.helpdesk.directory.CustomerId;
import dev.frontline.helpdesk.spi.AssetDirectory;
import dev.frontline.helpdesk.ticket.Ticket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AssetServiceTest {
  final OpsDesk d = new OpsDesk();
  final AssetDirectory dir = d.stores.assetDirectory();
  final AssetService assets = d.helpdesk.assets();
  final Asset laptop = new Asset(AssetId.of("lt-1"), "Carol's laptop", "laptop", "SN-1", AssetStatus.IN_REPAIR, CAROL, ACME);
  final Asset printer = new Asset(AssetId.of("pr-1"), "Floor printer", "printer", "SN-2", AssetStatus.ACTIVE, null, ACME);
  final Asset dansPhone = new Asset(AssetId.of("ph-1"), "Dan's phone", "phone", "SN-3", AssetStatus.ACTIVE, DAN, null);

  final Asset erinsTablet = new Asset(AssetId.of("tb-1"), "Erin's tablet", "tablet", "SN-4", AssetStatus.RETIRED, ERIN, ACME);

  AssetServiceTest() {
    dir.save(erinsTablet);
    dir.save(laptop);
    dir.save(printer);
    dir.save(dansPhone);
  }

  @Test
  @DisplayName("customers see their own and their organization's assets only")
  void customers() {
    assertThat(assets.customerAssets(d.carol, CAROL)).containsExactly(laptop, printer);
    assertThat(assets.customerAssets(d.dan, DAN)).containsExactly(dansPhone);
    assertThatThrownBy(() -> assets.customerAssets(d.dan, CAROL)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> assets.customerAssets(d.carol, CustomerId.of("ghost"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("a colleague's personal asset is never one of a customer's assets, on lists and on tickets")
  void colleagues() {
    assertThat(assets.customerAssets(d.erin, ERIN)).containsExactly(printer, erinsTablet);
    assertThat(assets.customerAssets(d.carol, CAROL)).doesNotContain(erinsTablet);
    assertThatThrownBy(() -> assets.customerAssets(d.erin, CAROL)).isInstanceOf(NotFoundException.class);
    Ticket t = d.carolAsks("Laptop broken");
    assertThat(assets.customerAssets(d.alice, CAROL)).containsExactly(laptop, printer);
    assets.link(d.alice, t.id(), laptop.id());
    assets.link(d.alice, t.id(), printer.id());
    // Erin may read Carol's ticket (she sees her organization's tickets), but not Carol's laptop
    assertThat(d.tickets.find(d.erin, t.id())).isPresent();
    assertThat(assets.ticketAssets(d.erin, t.id())).containsExactly(printer);
    assertThat(assets.ticketAssets(d.carol, t.id())).containsExactly(laptop, printer);
    // nor can an agent put Erin's tablet on Carol's ticket
    assertThatThrownBy(() -> assets.link(d.alice, t.id(), erinsTablet.id())).isInstanceOf(NotFoundException.class);
    assertThat(assets.ticketAssets(d.alice, t.id())).containsExactly(laptop, printer);
  }

  @Test
  @DisplayName("agents see a customer's assets with status only if they see one of the customer's tickets")
  void agents() {
    assertThatThrownBy(() -> assets.customerAssets(d.alice, CAROL)).isInstanceOf(NotFoundException.class);
    d.carolAsks("Laptop broken");
    assertThat(assets.customerAssets(d.alice, CAROL)).extracting(Asset::status).containsExactly(AssetStatus.IN_REPAIR, AssetStatus.ACTIVE);
    assertThatThrownBy(() -> assets.customerAssets(d.bob, CAROL)).isInstanceOf(NotFoundException.class);
    assertThat(assets.customerAssets(d.system, DAN)).containsExactly(dansPhone);
  }

  @Test
  @DisplayName("tickets reference assets of their requester; others' assets cannot be linked")
  void links() {
    Ticket t = d.carolAsks("Laptop broken");
    Ticket linked = assets.link(d.alice, t.id(), laptop.id());
    assertThat(linked.fields()).containsKey(AssetService.FIELD);
    assets.link(d.alice, t.id(), printer.id());
    assertThat(assets.ticketAssets(d.carol, t.id())).containsExactly(laptop, printer);
    assertThat(assets.ticketAssets(d.alice, t.id())).containsExactly(laptop, printer);
    assertThatThrownBy(() -> assets.link(d.alice, t.id(), dansPhone.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> assets.link(d.alice, t.id(), AssetId.of("nope"))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> assets.link(d.carol, t.id(), laptop.id())).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> assets.ticketAssets(d.dan, t.id())).isInstanceOf(NotFoundException.class);
  }
}
