package nl.plektoets;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.List;
import nl.plektoets.archfixture.permit.Permit;
import nl.plektoets.archfixture.plan.Plan;
import nl.plektoets.assess.Assessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/ARCHITECTURE.md ("What must never depend on what") as rules the build checks, on the main
 * classes (compiled bytecode: a Javadoc mention is no dependency, a fully qualified name in code is). The picture
 * of the layers is in that section.
 */
class ArchitectureTest {
    private static final String ROOT = "nl.plektoets";
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        // only the directory (or jar) of the main classes: scanning every jar of the classpath for the package takes
        // half a minute; test classes (and the deliberate cycle under archfixture) are not part of the layering
        Location mainClasses =
                Location.of(Assessor.class.getProtectionDomain().getCodeSource().getLocation());
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(List.of(mainClasses));
        assertTrue(
                main.contain(Assessor.class) && main.contain("nl.plektoets.web.Routes"),
                "the main classes were imported");
    }

    /** Every package is its own slice, a sub-package (data.osm, store.embedded, web.ogc) too. */
    static SliceRule noPackageCycles() {
        return slices().matching(ROOT + ".(**)").should().beFreeOfCycles();
    }

    /** The engine: the policy, the criteria, the assessor and the request's vocabulary. */
    private static final String[] ENGINE = {
        ROOT + ".policy..", ROOT + ".criteria..", ROOT + ".assess..", ROOT + ".request.."
    };

    /** The importers and their orchestration: every package below {@code data} ({@code data} itself is the model). */
    private static final DescribedPredicate<JavaClass> IMPORTERS = DescribedPredicate.describe(
            "an importer (data.*)", c -> c.getPackageName().startsWith(ROOT + ".data."));

    @Test
    void noCyclesBetweenPackages() {
        noPackageCycles().check(main);
    }

    @Test
    void theEngineKnowsNoWebStoreCliOrImporter() {
        noClasses()
                .that()
                .resideInAnyPackage(ENGINE)
                .should()
                .dependOnClassesThat(resideInAnyPackage(ROOT + ".web..", ROOT + ".store..", ROOT + ".cli..")
                        .or(IMPORTERS))
                .check(main);
    }

    @Test
    void importersKnowNoWebStoreOrCriteria() {
        noClasses()
                .that(IMPORTERS)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".web..", ROOT + ".store..", ROOT + ".criteria..", ROOT + ".assess..")
                .check(main);
    }

    /** The report for the file draws an assessment from the engine's vocabulary; web calls it, never the reverse. */
    @Test
    void theReportKnowsNoWebStoreOrCommandLine() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        ROOT + ".web..", ROOT + ".store..", ROOT + ".cli..", ROOT + ".registers..", ROOT + ".routing..")
                .check(main);
    }

    @Test
    void webReachesTheStoreOnlyThroughInterfaces() {
        // Store and the store's exceptions (StoreException, StoreUnavailableException); never JdbcStore,
        // GeoPackageStore or PostgisStore
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".web..")
                .should()
                .dependOnClassesThat(resideInAPackage(ROOT + ".store..")
                        .and(not(INTERFACES))
                        .and(not(simpleNameEndingWith("Exception"))))
                .check(main);
    }

    @Test
    void criteriaKnowNoHttpJdbcOrRouting() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".criteria..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.javalin..",
                        "jakarta.servlet..",
                        "org.eclipse.jetty..",
                        "java.sql..",
                        "javax.sql..",
                        ROOT + ".routing..",
                        "com.graphhopper..")
                .check(main);
    }

    @Test
    void onlyWebAndCliKnowHttp() {
        // Api methods take and return plain values; the route tables in web (and serve in cli) install them
        noClasses()
                .that()
                .resideOutsideOfPackages(ROOT + ".web..", ROOT + ".cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
                .check(main);
    }

    @Test
    void graphHopperStaysInRoutingAndIsochrone() {
        noClasses()
                .that()
                .resideOutsideOfPackages(ROOT + ".routing..", ROOT + ".isochrone..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.graphhopper..")
                .check(main);
    }

    @Test
    void registersRoomRentalAndTheEngineKnowNoSql() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        ROOT + ".registers..",
                        ROOT + ".roomrental..",
                        ROOT + ".policy..",
                        ROOT + ".criteria..",
                        ROOT + ".assess..",
                        ROOT + ".request..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..")
                .check(main);
    }

    @Test
    void theCycleRuleReportsACycleAddedBack() {
        JavaClasses fixture = new ClassFileImporter().importClasses(Plan.class, Permit.class);
        EvaluationResult result = noPackageCycles().evaluate(fixture);
        assertTrue(result.hasViolation(), "plan -> permit -> plan is a cycle");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("archfixture.plan") && report.contains("archfixture.permit"), report);
        // the same rule on the main classes minus the known exception passes (noCyclesBetweenPackages), and the
        // fixture is not among the main classes
        assertFalse(main.containPackage(ROOT + ".archfixture"));
    }
}
