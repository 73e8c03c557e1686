package nl.plektoets.registers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.plektoets.request.HousingForm;
import org.locationtech.jts.geom.Geometry;

/**
 * A housing initiative for a test, field by name: what is not set is what a new organisation's initiative has (no id,
 * version, project page, permit, §6.1.2 transition, steps, notes or stamps; a store assigns id, version and stamps).
 * {@link #from} starts from an initiative read back, to change some fields of it.
 */
public final class InitiativeBuilder {
    private long id;
    private long version;
    private Geometry site;
    private HousingForm form = HousingForm.HOUSING_FACILITY;
    private int persons;
    private String initiator;
    private InitiatorKind initiatorKind = InitiatorKind.ORGANISATION;
    private String projectPage;
    private InitiativeStatus status = InitiativeStatus.REPORTED;
    private PermitType permitType;
    private boolean existingLocation;
    private LocalDate acceptedOn;
    private LocalDate transitionDeadline;
    private String transitionExtensionReason;
    private LocalDate permitStart;
    private LocalDate permitEnd;
    private List<InitiativeStep> steps = List.of();
    private String notes;
    private Instant createdAt;
    private String createdBy;
    private Instant updatedAt;
    private String updatedBy;

    private InitiativeBuilder() {}

    /** An organisation's initiative (an employer, an agency, a housing provider) at {@code site}, reported. */
    public static InitiativeBuilder organisation(String initiator, Geometry site) {
        InitiativeBuilder b = new InitiativeBuilder();
        b.initiator = initiator;
        b.site = site;
        return b;
    }

    /** Every field of {@code i}, to change some. */
    public static InitiativeBuilder from(HousingInitiative i) {
        InitiativeBuilder b = new InitiativeBuilder();
        b.id = i.id();
        b.version = i.version();
        b.site = i.site();
        b.form = i.form();
        b.persons = i.persons();
        b.initiator = i.initiator();
        b.initiatorKind = i.initiatorKind();
        b.projectPage = i.projectPage();
        b.status = i.status();
        b.permitType = i.permitType();
        b.existingLocation = i.existingLocation();
        b.acceptedOn = i.acceptedOn();
        b.transitionDeadline = i.transitionDeadline();
        b.transitionExtensionReason = i.transitionExtensionReason();
        b.permitStart = i.permitStart();
        b.permitEnd = i.permitEnd();
        b.steps = i.steps();
        b.notes = i.notes();
        b.createdAt = i.createdAt();
        b.createdBy = i.createdBy();
        b.updatedAt = i.updatedAt();
        b.updatedBy = i.updatedBy();
        return b;
    }

    /** Housing for {@code persons} in {@code form} (a housing facility unless set). */
    public InitiativeBuilder housing(HousingForm form, int persons) {
        this.form = form;
        this.persons = persons;
        return this;
    }

    public InitiativeBuilder status(InitiativeStatus status) {
        this.status = status;
        return this;
    }

    /** Housing that already exists (§6.1.2), its acceptance and transition deadline not recorded. */
    public InitiativeBuilder existingLocation() {
        return existingLocation(null, null);
    }

    /** Housing that already exists (§6.1.2), accepted on {@code acceptedOn}, to comply by {@code transitionDeadline}. */
    public InitiativeBuilder existingLocation(LocalDate acceptedOn, LocalDate transitionDeadline) {
        this.existingLocation = true;
        this.acceptedOn = acceptedOn;
        this.transitionDeadline = transitionDeadline;
        return this;
    }

    public InitiativeBuilder steps(List<InitiativeStep> steps) {
        this.steps = steps;
        return this;
    }

    public InitiativeBuilder notes(String notes) {
        this.notes = notes;
        return this;
    }

    public HousingInitiative build() {
        return new HousingInitiative(
                id,
                version,
                site,
                form,
                persons,
                initiator,
                initiatorKind,
                projectPage,
                status,
                permitType,
                existingLocation,
                acceptedOn,
                transitionDeadline,
                transitionExtensionReason,
                permitStart,
                permitEnd,
                steps,
                notes,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy);
    }
}
