package dev.crmkit.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.AccessDeniedException;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.GroupField;
import dev.crmkit.core.common.LawfulBasis;
import dev.crmkit.core.common.LeadId;
import dev.crmkit.core.common.NotFoundException;
import dev.crmkit.core.common.PageRequest;
import dev.crmkit.core.common.SegmentId;
import dev.crmkit.core.common.TaskId;
import dev.crmkit.core.common.UserId;
import dev.crmkit.core.common.ValidationException;
import dev.crmkit.core.consent.ConsentPurpose;
import dev.crmkit.core.customer.PeopleQuery;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadQuery;
import dev.crmkit.core.lead.NewLead;
import dev.crmkit.core.segment.Criteria;
import dev.crmkit.core.segment.SegmentTarget;
import dev.crmkit.core.sharing.Access;
import dev.crmkit.core.sharing.SharingSettings;
import dev.crmkit.core.task.NewTask;
import dev.crmkit.core.task.Subject;
import dev.crmkit.core.tracking.RepInteraction;
import dev.crmkit.core.transfer.DedupePolicy;
import dev.crmkit.core.transfer.ImportRequest;
import dev.crmkit.core.transfer.ImportResult;
import dev.crmkit.core.transfer.ImportTarget;
import dev.crmkit.core.transfer.RowOutcome;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Record visibility on leads: a rep sees their own, unassigned ones and those shared with them; a manager their
 * teams' down the hierarchy; an ADMIN all; a public kind everyone. Lists are filtered before paging, and writes see
 * what reads see.
 */
public abstract class SharingContract extends ContractSupport {
    private static final UserId ANN = UserId.of("ann");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId MID = UserId.of("mid");
    private static final UserId BOSS = UserId.of("boss");

    private Crm ann;
    private Crm bob;

    @BeforeEach
    void teams() {
        crm.teams().create("Boss's", BOSS, Set.of(MID));
        crm.teams().create("Mid's", MID, Set.of(ANN));
        crm.teams().create("Others", UserId.of("other-boss"), Set.of(BOB));
        ann = as("ann");
        bob = as("bob");
    }

    /** A lead owned by {@code owner}; null: captured by the system (a web form), unassigned. */
    private LeadId lead(String name, UserId owner) {
        NewLead lead = NewLead.of("Pat", name, name.toLowerCase() + "@example.com");
        return owner == null ? crm.as(new Actor(tenant, UserId.SYSTEM, Set.of())).leads().capture(lead)
                : crm.leads().capture(lead.owner(owner));
    }

    private static List<String> names(Crm who) {
        return who.leads().search(LeadQuery.all(), PageRequest.first(100)).items().stream()
                .map(l -> l.identity().lastName()).toList();
    }

    @Test
    void aRepSeesTheirOwnLeadsUnassignedOnesAndThoseSharedWithThem() {
        lead("Anns", ANN);
        LeadId bobs = lead("Bobs", BOB);
        lead("Nobodys", null);

        assertThat(names(ann)).containsExactly("Anns", "Nobodys");
        assertThatThrownBy(() -> ann.leads().get(bobs)).isInstanceOf(NotFoundException.class);

        assertThat(bob.sharing().share(bobs, ANN)).isTrue();
        assertThat(names(ann)).containsExactly("Anns", "Bobs", "Nobodys");
        assertThat(ann.leads().get(bobs).identity().lastName()).isEqualTo("Bobs");
        assertThat(bob.sharing().shares(bobs)).extracting(s -> s.user()).containsExactly(ANN);

        assertThat(bob.sharing().unshare(bobs, ANN)).isTrue();
        assertThat(names(ann)).containsExactly("Anns", "Nobodys");
    }

    @Test
    void aManagerSeesTheirTeamsDownTheHierarchyAndNoOneElses() {
        lead("Anns", ANN);
        lead("Mids", MID);
        lead("Bobs", BOB);

        assertThat(names(as("boss", Actor.MANAGER))).containsExactly("Anns", "Mids");
        assertThat(names(as("mid", Actor.MANAGER))).containsExactly("Anns", "Mids");
        assertThat(names(ann)).containsExactly("Anns");
        assertThat(names(crm)).as("an ADMIN sees all").containsExactly("Anns", "Mids", "Bobs");
    }

    @Test
    void aPublicKindIsSeenByEveryone() {
        lead("Anns", ANN);
        lead("Bobs", BOB);
        Crm open = crmWith(SharingSettings.defaults().with("Lead", Access.PUBLIC));

        assertThat(names(open.as(new Actor(tenant, ANN, Set.of())))).containsExactly("Anns", "Bobs");
    }

    @Test
    void aPageIsAPageOfWhatTheReaderSees() {
        LeadId bobs = null;
        for (int i = 0; i < 12; i++) {
            bobs = lead("Bob" + (char) ('a' + i), BOB);
        }
        LeadId anns = null;
        for (int i = 0; i < 3; i++) {
            anns = lead("Ann" + (char) ('a' + i), ANN);
        }

        var page = ann.leads().search(LeadQuery.all(), PageRequest.first(3));

        assertThat(page.items()).extracting(Lead::owner).containsOnly(ANN).hasSize(3);
        assertThat(page.total()).isEqualTo(3);

        crm.sharing().share(bobs, ANN);
        crm.sharing().share(anns, ANN); // seen twice over, counted once
        var more = ann.leads().search(LeadQuery.all(), PageRequest.first(10));
        assertThat(more.total()).isEqualTo(4);
        assertThat(more.items()).hasSize(4);
    }

    @Test
    void writesSeeWhatReadsSee() {
        LeadId bobs = lead("Bobs", BOB);

        assertThatThrownBy(() -> ann.leads().qualify(bobs)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.leads().addTag(bobs, "mine")).isInstanceOf(NotFoundException.class);
        assertThat(crm.leads().get(bobs).status().name()).isEqualTo("NEW");

        bob.sharing().share(bobs, ANN);
        assertThat(ann.leads().qualify(bobs).status().name()).isEqualTo("QUALIFIED");
    }

    @Test
    void sharingNeedsAKnownUserAndTheRightToShare() {
        LeadId bobs = lead("Bobs", BOB);
        LeadId nobodys = lead("Nobodys", null);

        assertThatThrownBy(() -> bob.sharing().share(bobs, UserId.of("ghost")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("user");
        assertThatThrownBy(() -> ann.sharing().share(bobs, ANN)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.sharing().share(nobodys, BOB)).isInstanceOf(AccessDeniedException.class);
        assertThat(crm.sharing().shares(bobs)).isEmpty();
        assertThat(as("mid", Actor.MANAGER).sharing().share(nobodys, BOB)).isTrue();
    }

    @Test
    void aHiddenLeadIsNotFoundJustAsAMissingOneAndIsNotListedAmongPeople() {
        LeadId bobs = lead("Bobs", BOB);
        LeadId missing = LeadId.of(UUID.randomUUID());

        Throwable hidden = catchThrowable(() -> ann.leads().get(bobs));
        Throwable absent = catchThrowable(() -> ann.leads().get(missing));
        assertThat(hidden).isInstanceOf(NotFoundException.class);
        assertThat(hidden.getMessage()).isEqualTo(absent.getMessage().replace(missing.toString(), bobs.toString()));
        Lead read = crm.leads().get(bobs);
        assertThatThrownBy(() -> ann.leads().qualify(new Lead(read.id(), read.version() + 7, read.identity(),
                read.reach(), read.origin(), read.consent(), read.status(), read.outcome(), read.score(), read.spam(),
                read.owner(), read.duplicates(), read.visitorIds(), read.tags(), read.customFields(),
                read.createdAt(), read.updatedAt(), read.history())))
                .as("a stale version of a hidden lead is not found either").isInstanceOf(NotFoundException.class);

        assertThat(ann.contacts().people(PeopleQuery.all(), PageRequest.first(50)).items())
                .noneMatch(p -> p.id().equals(bobs.value()));
        assertThat(ann.contacts().countPeople(PeopleQuery.all(),
                GroupField.OWNER)).doesNotContainKey("bob");
    }

    @Test
    void sharingTwiceChangesNothing() {
        LeadId bobs = lead("Bobs", BOB);
        assertThat(bob.sharing().share(bobs, ANN)).isTrue();
        assertThat(bob.sharing().share(bobs, ANN)).isFalse();
        assertThat(bob.sharing().share(bobs, MID)).isTrue();
        assertThat(bob.sharing().shares(bobs)).extracting(s -> s.user()).containsExactly(ANN, MID);
    }

    @Test
    void duplicateMatchesNameOnlyLeadsTheReaderSees() {
        LeadId bobs = crm.leads().capture(NewLead.of("Pat", "Twin", "pat.twin@example.com").owner(BOB));
        LeadId anns = crm.leads().capture(NewLead.of("Pat", "Twin", "pat.twin@example.com").owner(ANN));

        assertThat(crm.leads().findDuplicates(anns)).as("an ADMIN sees the match")
                .anySatisfy(m -> assertThat(m.lead()).contains(bobs));
        assertThat(ann.leads().findDuplicates(anns)).noneMatch(m -> m.lead().filter(bobs::equals).isPresent());
        assertThat(ann.duplicates().of(ann.leads().get(anns)))
                .noneMatch(m -> m.lead().filter(bobs::equals).isPresent());
        bob.sharing().share(bobs, ANN);
        assertThat(ann.leads().findDuplicates(anns)).anySatisfy(m -> assertThat(m.lead()).contains(bobs));
    }

    @Test
    void aLeadSegmentListsAndCountsOnlyTheLeadsTheReaderSees() {
        LeadId anns = lead("Anns", ANN);
        lead("Bobs", BOB);
        LeadId nobodys = lead("Nobodys", null);
        SegmentId everyone = crm.segments().create("Everyone", SegmentTarget.LEAD, Criteria.all());

        var page = ann.segments().members(everyone, PageRequest.first(10));
        assertThat(page.items()).containsExactly(anns, nobodys);
        assertThat(page.total()).isEqualTo(2);
        assertThat(ann.segments().count(SegmentTarget.LEAD, Criteria.all())).isEqualTo(2);
        assertThat(crm.segments().count(everyone)).isEqualTo(3);
    }

    @Test
    void whatIsAboutAHiddenLeadIsHiddenWithIt() {
        LeadId bobs = lead("Bobs", BOB);
        crm.tracking().logCall(RepInteraction.withLead(bobs, 60, "interested", null));
        crm.consent().grant(bobs, ConsentPurpose.PHONE, LawfulBasis.CONSENT, "call", null);
        TaskId call = bob.tasks().create(NewTask.of("Call back").about(Subject.of(bobs)));

        assertThat(crm.tracking().touchpointsOfLead(bobs)).hasSize(1);
        assertThat(ann.tracking().touchpointsOfLead(bobs)).isEmpty();
        assertThatThrownBy(() -> ann.consent().history(bobs)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.consent().withdraw(bobs, ConsentPurpose.PHONE, "call"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ann.tasks().get(call)).isInstanceOf(NotFoundException.class);
        assertThat(ann.tasks().ofSubject(Subject.of(bobs))).isEmpty();
        assertThat(as("other-boss", Actor.MANAGER).tasks().get(call).title()).as("bob's manager sees it")
                .isEqualTo("Call back");

        bob.sharing().share(bobs, ANN);
        assertThat(ann.tracking().touchpointsOfLead(bobs)).hasSize(1);
        assertThat(ann.consent().history(bobs)).hasSize(1);
    }

    @Test
    void aLeadsStoredMatchesNameOnlyRecordsTheReaderSees() {
        LeadId bobs = crm.leads().capture(NewLead.of("Pat", "Twin", "pat.twin@example.com").owner(BOB));
        LeadId anns = crm.leads().capture(NewLead.of("Pat", "Twin", "pat.twin@example.com").owner(ANN));

        assertThat(crm.leads().get(anns).duplicates()).extracting(m -> m.id()).contains(bobs.value());
        assertThat(ann.leads().get(anns).duplicates()).extracting(m -> m.id()).doesNotContain(bobs.value());
        assertThat(ann.leads().search(LeadQuery.all(), PageRequest.first(10)).items())
                .allSatisfy(l -> assertThat(l.duplicates()).extracting(m -> m.id()).doesNotContain(bobs.value()));
        assertThat(crm.leads().get(anns).duplicates()).as("the stored lead keeps them")
                .extracting(m -> m.id()).contains(bobs.value());
        var batch = ann.leads().captureAll(List.of(NewLead.of("Pat", "Twin", "pat.twin@example.com").owner(ANN)),
                matches -> true);
        assertThat(batch.get(0).duplicates()).extracting(m -> m.id()).contains(anns.value())
                .doesNotContain(bobs.value());
    }

    @Test
    void anImportSkipsADuplicateOfAHiddenLeadWithoutNamingIt() {
        LeadId bobs = crm.leads().capture(NewLead.of("Pat", "Twin", "pat.twin@example.com").owner(BOB));
        String csv = "Given name,Surname,E-mail\nPat,Twin,pat.twin@example.com\nSam,Single,sam@example.com\n";
        long version = crm.leads().get(bobs).version();

        ImportResult result = as("ann", Actor.MANAGER).imports().run(ImportRequest.csv(ImportTarget.LEAD)
                .dedupe(DedupePolicy.UPDATE_EMPTY), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.created()).as("the other row").isEqualTo(1);
        RowOutcome twin = result.rows().get(0);
        assertThat(twin.action()).as("not created twice").isEqualTo(RowOutcome.Action.SKIPPED);
        assertThat(twin.record()).isNull();
        assertThat(twin.duplicateOf()).isNull();
        assertThat(crm.leads().get(bobs).version()).as("and not filled either").isEqualTo(version);
    }
}
