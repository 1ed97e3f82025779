package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Address;
import dev.crmkit.core.common.CampaignId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.GeoCircle;
import dev.crmkit.core.common.GeoPoint;
import dev.crmkit.core.common.Geocoder;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.Nearby;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.Account;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.Contact;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.lead.Attribution;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.tracking.CampaignDetails;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Prospects, contacts and accounts near a place: within the radius by great-circle distance, nearest first, read by
 * index from the box around the circle, also across the antimeridian and around a pole; bad places and radii refused.
 */
public abstract class GeolocationContract extends ContractSupport {
    private static final GeoPoint BERLIN = new GeoPoint(52.5200, 13.4050);

    private LeadId lead(String name, double lat, double lon) {
        return crm.leads().capture(NewLead.of(name, "Near", name.toLowerCase() + "@example.com")
                .address(Address.of("Somewhere", null, "DE").withGeo(new GeoPoint(lat, lon))));
    }

    private void contact(String name, double lat, double lon) {
        crm.contacts().create(ContactDetails.of(null, name, "Far", name.toLowerCase() + "@example.com")
                .withAddress(Address.of("Somewhere", null, "FJ").withGeo(new GeoPoint(lat, lon))));
    }

    private AccountId account(String name, double lat, double lon) {
        return crm.accounts().create(new AccountDetails(name, null, null,
                Address.of("Somewhere", null, "NO").withGeo(new GeoPoint(lat, lon)), null, null, Set.of()));
    }

    @Test
    void prospectsWithinTheRadiusComeNearestFirstAndTheBoxCornersOutsideTheCircleDoNot() {
        lead("Potsdam", 52.3906, 13.0645);
        lead("Leipzig", 51.3397, 12.3731);
        lead("Hamburg", 53.5511, 9.9937);
        // Inside the box around a 200 km circle, but 240 km away diagonally.
        lead("Corner", 52.5200 + 1.53, 13.4050 + 2.5);
        crm.leads().capture(NewLead.of("Nowhere", "Near", "nowhere@example.com"));
        LeadId merged = lead("Merged", 52.5201, 13.4051);
        LeadId survivor = lead("Survivor", 52.0, 13.4050);
        crm.leads().merge(crm.leads().get(survivor), crm.leads().get(merged));

        List<Nearby<Lead>> near = crm.leads().near(BERLIN, 200, 10);

        assertThat(near).extracting(n -> n.record().identity().firstName()).containsExactly("Potsdam", "Survivor",
                "Leipzig");
        assertThat(near.get(0).distanceKm()).isCloseTo(26.8, within(0.5));
        assertThat(near).allSatisfy(n -> assertThat(n.distanceKm()).isLessThanOrEqualTo(200));
        assertThat(crm.leads().near(BERLIN, 200, 1)).extracting(n -> n.record().identity().firstName())
                .containsExactly("Potsdam");
        assertThat(crm.leads().near(BERLIN, 10, 10)).isEmpty();
    }

    @Test
    void aCircleAcrossTheAntimeridianFindsPeopleOnBothSides() {
        contact("Suva", -18.1416, 178.4419);
        contact("Apia", -13.8333, -171.7500);
        contact("Noumea", -22.2758, 166.4580);

        List<Nearby<Contact>> near = crm.contacts().near(new GeoPoint(-15.0, 179.9), 1000, 10);

        assertThat(near).extracting(n -> n.record().name().firstName()).containsExactly("Suva", "Apia");
    }

    @Test
    void aCircleAroundAPoleTakesEveryLongitude() {
        account("Greenwich side", 89.5, 0.0);
        account("Date line side", 89.5, 180.0);
        account("Svalbard", 78.2232, 15.6267);

        List<Nearby<Account>> near = crm.accounts().near(new GeoPoint(90, 0), 100, 10);

        assertThat(near).extracting(n -> n.record().name()).containsExactlyInAnyOrder("Greenwich side",
                "Date line side");
        assertThat(near).allSatisfy(n -> assertThat(n.distanceKm()).isCloseTo(55.6, within(0.2)));
    }

    @Test
    void theHostsGeocoderPlacesAddressesSavedWithoutAPositionAndItsFailureRefusesNothing() {
        List<String> asked = new ArrayList<>();
        Geocoder geocoder = address -> {
            asked.add(address.city());
            return switch (address.city()) {
                case "Potsdam" -> Optional.of(new GeoPoint(52.3906, 13.0645));
                case "Crashville" -> throw new IllegalStateException("geocoding service down");
                default -> Optional.empty();
            };
        };
        Crm placed = crmWith(geocoder);
        placed.leads().capture(NewLead.of("Pia", "P", "pia@example.com").address(Address.of("Potsdam", null, "DE")));
        placed.leads().capture(NewLead.of("Cal", "C", "cal@example.com").address(Address.of("Crashville", null, "DE")));
        placed.contacts().create(ContactDetails.of(null, "Kai", "K", "kai@example.com")
                .withAddress(Address.of("Potsdam", null, "DE")));
        placed.accounts().create(new AccountDetails("Known", null, null,
                Address.of("Leipzig", null, "DE").withGeo(new GeoPoint(51.3397, 12.3731)), null, null, Set.of()));

        assertThat(placed.leads().near(BERLIN, 50,
                10)).extracting(n -> n.record().identity().firstName()).containsExactly("Pia");
        assertThat(placed.leads().search(LeadQuery.all(), PageRequest.first(10)).items())
                .as("the lead the geocoder failed on is stored, without a position")
                .extracting(l -> l.identity().firstName())
                .contains("Cal");
        assertThat(placed.contacts().near(BERLIN, 50, 10)).extracting(n -> n.record().name().firstName())
                .containsExactly("Kai");
        assertThat(asked).as("an address with a position is not geocoded").containsExactly("Potsdam", "Crashville",
                "Potsdam");
    }

    @Test
    void leadsCapturedInsideARunningCampaignsTargetAreaAreAttributedToTheSmallestSuchArea() {
        CampaignId berlinWide = crm.tracking().createCampaign(CampaignDetails.named("Berlin region", Channel.SOCIAL)
                .targetArea(new GeoCircle(BERLIN, 100)));
        CampaignId potsdamOnly = crm.tracking().createCampaign(CampaignDetails.named("Potsdam", Channel.SOCIAL)
                .targetArea(new GeoCircle(new GeoPoint(52.3906, 13.0645), 10)));
        crm.tracking().createCampaign(new CampaignDetails("Over", Channel.SOCIAL, null,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1), null,
                new GeoCircle(BERLIN, 5)));
        CampaignId chosen = crm.tracking().createCampaign(CampaignDetails.named("Chosen by the form", Channel.WEB));

        LeadId inPotsdam = lead("Pia", 52.3950, 13.0600);
        LeadId inBerlin = lead("Ben", 52.5200, 13.4050);
        LeadId outside = lead("Hal", 53.5511, 9.9937);
        LeadId attributed = crm.leads().capture(NewLead.of("Fay", "F", "fay@example.com")
                .address(Address.of("Berlin", null, "DE").withGeo(BERLIN))
                .attribution(new Attribution(chosen, null, null)));

        assertThat(crm.leads().get(inPotsdam).origin().attribution().campaign()).isEqualTo(potsdamOnly);
        assertThat(crm.leads().get(inBerlin).origin().attribution().campaign())
                .as("the ended campaign's area is smaller")
                .isEqualTo(berlinWide);
        assertThat(crm.leads().get(outside).origin().attribution().campaign()).isNull();
        assertThat(crm.leads().get(attributed).origin().attribution().campaign()).isEqualTo(chosen);
        assertThat(crm.tracking().campaign(potsdamOnly).orElseThrow().targetArea())
                .isEqualTo(new GeoCircle(new GeoPoint(52.3906, 13.0645), 10));
    }

    @Test
    void aBadPlaceRadiusOrLimitIsRefusedNamingIt() {
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasErrorFor("latitude")).isTrue());
        assertThatThrownBy(() -> crm.leads().near(BERLIN, 0, 10)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasErrorFor("radiusKm")).isTrue());
        assertThatThrownBy(() -> crm.contacts().near(BERLIN, -5, 10)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.hasErrorFor("radiusKm")).isTrue());
        assertThatThrownBy(() -> crm.accounts().near(null, 5, 0)).isInstanceOfSatisfying(ValidationException.class,
                e -> {
                    assertThat(e.hasErrorFor("center")).isTrue();
                    assertThat(e.hasErrorFor("limit")).isTrue();
                });
    }
}
