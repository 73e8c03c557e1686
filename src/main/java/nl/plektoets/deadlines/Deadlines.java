package nl.plektoets.deadlines;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.plektoets.deadlines.Deadline.Kind;
import nl.plektoets.policy.DeadlineSettings;
import nl.plektoets.policy.PolicyProfile;
import nl.plektoets.registers.HousingInitiative;
import nl.plektoets.registers.HousingLocation;
import nl.plektoets.registers.InitiativeStatus;
import nl.plektoets.registers.InitiativeStep;
import nl.plektoets.registers.IntakeCase;
import nl.plektoets.registers.LocationSignal;
import nl.plektoets.registers.PermitType;
import nl.plektoets.registers.RegisterStore;
import nl.plektoets.registers.RegisterTerms;

/**
 * The regisseur's deadlines from the registers: the §6.1.2 transition year of existing locations (and the excluded
 * situations, flagged for immediate action), the end and the renewal window of temporary permits (§6.2.2), the
 * decision term of a permit application (regular or extended procedure, from the intake case), and the SNF
 * certificates' expiry (Bijlage 2). {@link #due} lists what is overdue or due within the profile's days, on the
 * injected clock's today.
 */
public final class Deadlines {
    private final RegisterStore store;
    private final Clock clock;
    private final DeadlineSettings settings;
    private final RegisterTerms terms;

    /** The settings and the register terms (transition period, permit terms) both come from the policy profile. */
    public Deadlines(RegisterStore store, Clock clock, PolicyProfile profile) {
        this.store = store;
        this.clock = clock;
        this.settings = profile.deadlineSettings();
        this.terms = RegisterTerms.of(profile);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public int withinDays() {
        return settings.dueWithinDays();
    }

    /** Overdue or due within {@link #withinDays()}, earliest first. */
    public List<Deadline> due() {
        LocalDate until = today().plusDays(settings.dueWithinDays());
        return all().stream().filter(d -> !d.due().isAfter(until)).toList();
    }

    /** Every open deadline, earliest first (immediate actions first on a day). */
    public List<Deadline> all() {
        List<Deadline> out = new ArrayList<>();
        Map<Long, IntakeCase> cases = store.intakeCases(null).stream()
                .collect(Collectors.toMap(IntakeCase::initiativeId, Function.identity(), (a, b) -> a));
        for (HousingInitiative i : store.initiatives(null)) {
            if (i.status() == InitiativeStatus.ENDED || i.status() == InitiativeStatus.REFUSED) continue;
            String name = "initiative " + i.id() + " (" + i.initiator() + ")";
            if (i.existingLocation() && i.transitionDeadline() != null) {
                // the register's date is the extended one when extended (§6.1.2, only with a reason, which the
                // regisseur sees with it; a row from before the reason was kept says so)
                String extension = !i.transitionExtended(terms.transitionYears())
                        ? ""
                        : " (extended: "
                                + (i.transitionExtensionReason() == null
                                        ? "no reason recorded"
                                        : i.transitionExtensionReason())
                                + ")";
                out.add(new Deadline(
                        Kind.TRANSITION,
                        i.transitionDeadline(),
                        "initiative",
                        i.id(),
                        name + ": the existing location complies" + extension,
                        terms.transitionParagraph(),
                        false,
                        settings.transitionAdopted()));
            }
            if (i.permitType() == PermitType.TEMPORARY && i.permitEnd() != null) {
                out.add(new Deadline(
                        Kind.PERMIT_END,
                        i.permitEnd(),
                        "initiative",
                        i.id(),
                        name + ": the temporary permit ends",
                        "§6.2.2",
                        false,
                        true));
                boolean renewable = i.permitStart() == null
                        || !i.permitEnd().isAfter(i.permitStart().plusYears(terms.temporaryYears()));
                if (renewable) {
                    out.add(new Deadline(
                            Kind.RENEWAL_WINDOW,
                            i.permitEnd().minusMonths(settings.renewalWindowMonths()),
                            "initiative",
                            i.id(),
                            name + ": apply for the " + terms.renewalYears() + "-year renewal",
                            settings.renewalParagraph(),
                            false,
                            settings.renewalWindowAdopted()));
                }
            }
            if (i.status() == InitiativeStatus.PERMIT_APPLIED) {
                LocalDate applied = null;
                for (InitiativeStep s : i.steps()) {
                    if (s.status() == InitiativeStatus.PERMIT_APPLIED)
                        applied = s.at().atZone(ZoneOffset.UTC).toLocalDate();
                }
                IntakeCase c = cases.get(i.id());
                boolean extended = c != null && c.procedure() == IntakeCase.Procedure.EXTENDED;
                if (applied != null) {
                    out.add(new Deadline(
                            Kind.PROCEDURE_TERM,
                            applied.plusWeeks(
                                    extended ? settings.procedureExtendedWeeks() : settings.procedureRegularWeeks()),
                            "initiative",
                            i.id(),
                            name + ": decision on the permit (" + (extended ? "extended" : "regular") + " procedure)",
                            settings.procedureParagraph(),
                            false,
                            true));
                }
            }
        }
        for (HousingLocation l : store.locations(HousingLocation.Status.ACTIVE.id())) {
            String name = "location " + l.id() + " (" + l.name() + ")";
            if (l.snfExpires() != null) {
                out.add(new Deadline(
                        Kind.SNF_EXPIRY,
                        l.snfExpires(),
                        "location",
                        l.id(),
                        name + ": the SNF certificate expires",
                        "Bijlage 2",
                        false,
                        true));
            }
            if (!l.existing()) continue;
            for (LocationSignal s : store.signals(l.id())) {
                if (s.status() == LocationSignal.Status.OPEN
                        && settings.immediateActionCategories()
                                .contains(s.category().id())) {
                    out.add(new Deadline(
                            Kind.IMMEDIATE_ACTION,
                            s.receivedOn(),
                            "location",
                            l.id(),
                            name + ": open " + s.category().id() + " signal of " + s.receivedOn()
                                    + ": an excluded situation, no transition year",
                            settings.immediateParagraph(),
                            true,
                            false));
                }
            }
        }
        out.sort(Comparator.comparing(Deadline::due)
                .thenComparing(d -> !d.immediate())
                .thenComparing(Deadline::subjectId));
        return out;
    }
}
