package nl.plektoets;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/ARCHITECTURE.md ("What must never depend on what") as rules the build checks, on the main
 * classes (compiled bytecode: a Javadoc mention is no dependency, a fully qualified name in code is).
 *
 * <pre>
 *   cli                     wiring: commands, Stores (picks the store implementation)
 *   web, web.ogc            HTTP; the store only through its interfaces
 *   store, store.*          implements registers.RegisterStore; knows no HTTP
 *   overview, registers, roomrental, isochrone, address
 *   routing                 implements criteria.ReachLookup
 *   data.directory, data.registry      orchestration above the importers
 *   data.osm, data.imro, data.bag, data.brt, data.cbs, data.layer, data.gml   importers
 *   assess -> criteria -> policy -> request     the engine: no web, store, cli, importer
 *   data, geo               the model and coordinates
 * </pre>
 */
class ArchitectureTest {
    private static final String ROOT = "nl.plektoets";
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        // test classes (and the deliberate cycle under archfixture) are not part of the layering
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        assertTrue(main.contain("nl.plektoets.assess.Assessor"), "the main classes were imported");
    }

    /** Every package is its own slice, a sub-package (data.osm, store.embedded, web.ogc) too. */
    static SliceRule noPackageCycles() {
        return slices().matching(ROOT + ".(**)").should().beFreeOfCycles();
    }

    /** The engine: the policy, the criteria, the assessor and the request's vocabulary. */
    private static final String[] ENGINE = {ROOT + ".policy..", ROOT + ".criteria..", ROOT + ".assess..",
            ROOT + ".request.."};

    /** The importers and their orchestration: every package below {@code data} ({@code data} itself is the model). */
    private static final DescribedPredicate<JavaClass> IMPORTERS = DescribedPredicate.describe("an importer (data.*)",
            c -> c.getPackageName().startsWith(ROOT + ".data."));

    @Test
    void noCyclesBetweenPackages() {
        noPackageCycles()
                // removed by branch http (web.ogc's collection uses web.Problem and web.RoomRentalApi; the feature
                // JSON moves to the web side there)
                .ignoreDependency(resideInAPackage(ROOT + ".web.ogc"), resideInAPackage(ROOT + ".web"))
                .check(main);
    }

    @Test
    void theEngineKnowsNoWebStoreCliOrImporter() {
        noClasses().that().resideInAnyPackage(ENGINE).should().dependOnClassesThat(
                        resideInAnyPackage(ROOT + ".web..", ROOT + ".store..", ROOT + ".cli..").or(IMPORTERS))
                .check(main);
    }

    @Test
    void importersKnowNoWebOrStore() {
        noClasses().that(IMPORTERS).should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".web..", ROOT + ".store..").check(main);
    }

    @Test
    void webReachesTheStoreOnlyThroughInterfaces() {
        // Store, RegisterStore and the store's exceptions; never JdbcStore, GeoPackageStore or PostgisStore
        noClasses().that().resideInAPackage(ROOT + ".web..").should().dependOnClassesThat(
                        resideInAPackage(ROOT + ".store..").and(not(INTERFACES)).and(not(assignableTo(Throwable.class))))
                .check(main);
    }

    @Test
    void criteriaKnowNoHttpJdbcOrRouting() {
        noClasses().that().resideInAPackage(ROOT + ".criteria..").should().dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..", "java.sql..",
                        "javax.sql..", ROOT + ".routing..", "com.graphhopper..")
                .check(main);
    }

    @Test
    void theCycleRuleReportsACycleAddedBack() {
        JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".archfixture");
        EvaluationResult result = noPackageCycles().evaluate(fixture);
        assertTrue(result.hasViolation(), "plan -> permit -> plan is a cycle");
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("archfixture.plan") && report.contains("archfixture.permit"), report);
        // the same rule on the main classes minus the known exception passes (noCyclesBetweenPackages), and the
        // fixture is not among the main classes
        assertFalse(main.containPackage(ROOT + ".archfixture"));
    }
}
