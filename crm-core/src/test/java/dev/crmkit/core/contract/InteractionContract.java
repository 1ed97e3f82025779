package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.AccountId;
import dev.crmkit.core.common.Channel;
import dev.crmkit.core.common.ContactId;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.TouchpointId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.customer.AccountDetails;
import dev.crmkit.core.customer.ContactDetails;
import dev.crmkit.core.customer.TimelineEntry;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.tracking.Direction;
import dev.crmkit.core.tracking.Interaction;
import dev.crmkit.core.tracking.Touchpoint;
import dev.crmkit.core.tracking.TouchpointKind;
import dev.crmkit.core.tracking.TrackingEvent.TouchpointsRecorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conversations on every channel, in and out, on the timelines of the people and accounts they concern. */
public abstract class InteractionContract extends ContractSupport {

    @Test
    void anInboundChatOnAContactShowsOnTheContactsAndTheAccountsTimelineWithItsTranscript() {
        AccountId account = crm.accounts().create(AccountDetails.named("Analytical Engines"));
        ContactId contact = crm.contacts().create(ContactDetails.of(account, "Charles", "Babbage", null));

        TouchpointId id = crm.tracking().logInteraction(Interaction.inbound(Channel.CHAT).withContact(contact)
                .reference("transcript-8812").summary("Asked about engine spares\nwants a quote")
                .lasting(420).outcome("quote requested"));

        Touchpoint stored = crm.tracking().touchpoint(id).orElseThrow();
        assertThat(stored.kind()).isEqualTo(TouchpointKind.INTERACTION);
        assertThat(stored.channel()).isEqualTo(Channel.CHAT);
        assertThat(stored.direction()).isEqualTo(Direction.INBOUND);
        assertThat(stored.reference()).isEqualTo("transcript-8812");
        assertThat(stored.account()).as("the contact's account is filled in").isEqualTo(account);
        assertThat(stored.rep()).isEqualTo(actor.user());
        assertThat(stored.durationSeconds()).isEqualTo(420);
        TimelineEntry onContact = crm.customers().timeline(contact, PageRequest.first(10)).items().get(0);
        assertThat(onContact.kind()).isEqualTo(TimelineEntry.Kind.INTERACTION);
        assertThat(onContact.summary()).startsWith("Chat from them [transcript-8812]")
                .contains("quote requested");
        assertThat(crm.customers().timeline(account, PageRequest.first(10)).items())
                .extracting(TimelineEntry::reference).containsExactly(id.value());
    }

    @Test
    void everyChannelIsLoggedBothWaysOnALeadsTimeline() {
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        List<TouchpointId> logged = new ArrayList<>();
        int minutes = 0;
        for (Channel channel : Channel.values()) {
            for (Direction direction : Direction.values()) {
                Interaction base = direction == Direction.INBOUND
                        ? Interaction.inbound(channel) : Interaction.outbound(channel);
                logged.add(crm.tracking().logInteraction(base.withLead(lead)
                        .at(clock.instant().minus(Duration.ofMinutes(++minutes)))
                        .reference(channel == Channel.SOCIAL ? "@ada" : channel + "-ref")));
            }
        }

        List<Touchpoint> ofLead = crm.tracking().touchpointsOfLead(lead);
        assertThat(ofLead).extracting(Touchpoint::id).containsExactlyInAnyOrderElementsOf(logged);
        assertThat(ofLead).extracting(t -> t.channel() + "/" + t.direction()).doesNotHaveDuplicates()
                .hasSize(Channel.values().length * 2);
        assertThat(crm.leads().timeline(lead, PageRequest.first(50)).items())
                .filteredOn(e -> e.kind() == TimelineEntry.Kind.INTERACTION).hasSize(logged.size());
    }

    @Test
    void theSameExternalIdLoggedAgainReturnsTheFirstInteractionAndWritesNothing() {
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        List<TouchpointsRecorded> recorded = new ArrayList<>();
        crm.events().subscribe(TouchpointsRecorded.class, recorded::add);
        Interaction sms = Interaction.outbound(Channel.SMS).withLead(lead).externalId("twilio-SM81f2")
                .summary("Your demo is tomorrow at 10");

        TouchpointId first = crm.tracking().logInteraction(sms);
        TouchpointId again = crm.tracking().logInteraction(sms.summary("a retry after a timeout"));

        assertThat(again).isEqualTo(first);
        assertThat(crm.tracking().touchpointsOfLead(lead)).singleElement()
                .satisfies(t -> assertThat(t.detail()).isEqualTo("Your demo is tomorrow at 10"));
        assertThat(recorded).hasSize(1);
    }

    @Test
    void aBadInteractionNamesEveryBadFieldAndWritesNothing() {
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));
        Interaction bad = new Interaction(Channel.SOCIAL, null, lead, null, null,
                clock.instant().plus(Duration.ofDays(1)), "line\nbreak", "not a handle", null, -5, null);

        assertThatThrownBy(() -> crm.tracking().logInteraction(bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("direction", "occurredAt",
                                "externalId", "reference", "durationSeconds"));
        assertThatThrownBy(() -> crm.tracking().logInteraction(Interaction.inbound(null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("channel", "regarding"));
        assertThatThrownBy(() -> crm.tracking().logInteraction(Interaction.inbound(Channel.MAIL)
                .withLead(lead).reference("x".repeat(501))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field()).containsExactly("reference"));
        assertThat(crm.tracking().touchpointsOfLead(lead)).isEmpty();
    }

    @Test
    void aSocialReferenceIsAHandleOrAPostUrl() {
        LeadId lead = crm.leads().capture(NewLead.of("Ada", "Lovelace", "ada@example.com"));

        crm.tracking().logInteraction(Interaction.inbound(Channel.SOCIAL).withLead(lead).reference("@ada_l"));
        crm.tracking().logInteraction(Interaction.outbound(Channel.SOCIAL).withLead(lead)
                .reference("https://social.example/ada/status/1"));

        assertThat(crm.tracking().touchpointsOfLead(lead)).extracting(Touchpoint::reference)
                .containsExactlyInAnyOrder("@ada_l", "https://social.example/ada/status/1");
    }
}
