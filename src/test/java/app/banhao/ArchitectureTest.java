package app.banhao;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Optional;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/**
 * The house's boundaries (issue 11, README "Layout"): a feature is a top-level package under {@code app.banhao}
 * ({@code application}, {@code auth}, {@code catalog}, …); {@code platform} holds the shared mechanisms and
 * {@code api} the generated contract. Features talk to each other through one entry class each, with
 * read-only records, never through another feature's entities or repositories; no two packages depend on
 * each other in a circle; the platform knows no feature. Plain JUnit over the compiled classes, no Quarkus.
 */
class ArchitectureTest {

    private static final String ROOT = "app.banhao";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theMainCodeIsThere() {
        // Guards the rules below against passing on an empty import (a wrong package name, a moved class directory).
        org.junit.jupiter.api.Assertions.assertTrue(MAIN.size() > 200, "classes imported: " + MAIN.size());
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesEntitiesOrRepositories() {
        ArchRule rule = classes().that().resideInAPackage(ROOT + "..").and(inAFeature())
                .should(new ArchCondition<JavaClass>("use another feature only through its entry class and records") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String home = feature(origin).orElseThrow();
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass().getBaseComponentType();
                            Optional<String> there = feature(target);
                            if (there.isPresent() && !there.get().equals(home) && persistence(target)) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                });
        rule.check(MAIN);
    }

    @Test
    void thePackagesDependOnEachOtherWithoutCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * Inside the application feature too: {@code core} (the case, its workflow and its view) is what {@code submission},
     * {@code materials}, {@code review} and {@code progress} build on, so it may use none of them, and they do not go
     * round in circles either (a change to one then never has to reason about all of them at once).
     */
    @Test
    void theApplicationsSubPackagesDependOnEachOtherWithoutCycles() {
        slices().matching(ROOT + ".application.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void thePlatformKnowsNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".platform..")
                .should().dependOnClassesThat(inAFeature())
                .check(MAIN);
    }

    /** The top-level package under {@code app.banhao} a class lives in, unless it is the platform or the contract. */
    static Optional<String> feature(JavaClass c) {
        String name = c.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String top = name.substring(ROOT.length() + 1).split("\\.")[0];
        return top.equals("platform") || top.equals("api") ? Optional.empty() : Optional.of(top);
    }

    private static DescribedPredicate<JavaClass> inAFeature() {
        return DescribedPredicate.describe("in a feature package", c -> feature(c).isPresent());
    }

    /** An entity, a Panache repository, or anything else that touches the database directly. */
    private static boolean persistence(JavaClass c) {
        return c.isAnnotatedWith(jakarta.persistence.Entity.class) || c.isAnnotatedWith(jakarta.persistence.Embeddable.class)
                || c.isAssignableTo(PanacheRepositoryBase.class);
    }
}
