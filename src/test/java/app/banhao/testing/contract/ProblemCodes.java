package app.banhao.testing.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import app.banhao.platform.error.ProblemCode;

/** Every error code the app can answer with: the constants of every {@link ProblemCode} enum, the platform's and each feature's. */
public final class ProblemCodes {

    private static final List<ProblemCode> ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.banhao").stream()
            .filter(c -> c.isEnum() && c.isAssignableTo(ProblemCode.class))
            .flatMap(c -> Arrays.stream((ProblemCode[]) c.reflect().getEnumConstants()))
            .toList();

    private ProblemCodes() {
    }

    public static List<ProblemCode> all() {
        return ALL;
    }

    public static Optional<ProblemCode> named(String code) {
        return ALL.stream().filter(c -> c.name().equals(code)).findFirst();
    }
}
