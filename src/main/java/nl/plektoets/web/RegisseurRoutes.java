package nl.plektoets.web;

import io.javalin.config.RoutesConfig;
import java.util.function.Supplier;
import nl.plektoets.auth.AccessRole;
import nl.plektoets.auth.TokenFile;
import nl.plektoets.registers.IntakeCase;
import nl.plektoets.registers.IntakeTable;
import nl.plektoets.registers.RegisterStore;
import nl.plektoets.registers.Registers;

/**
 * The regisseur's workbench (issue 14): the intake table's cases under {@code /api/v1/intake-cases} (list, create,
 * get, patch with a stale version 409, audit), read by planners and changed by the regisseur (role
 * {@code regisseur}; admins may too). The same problem+json answers as the registers ({@link RegisterRoutes}).
 */
public final class RegisseurRoutes {
    private RegisseurRoutes() {}

    public static void install(
            RoutesConfig routes,
            Registers registers,
            IntakeTable intake,
            Supplier<TokenFile> tokens,
            Supplier<Api> api) {
        RegisterRoutes r = RegisterRoutes.over(registers, tokens, api);
        r.register(
                routes,
                new RegisterResource<>(
                        "intake-cases",
                        RegisterStore.INTAKE,
                        "intakeCases",
                        ctx -> registers.store().intakeCases(ctx.queryParam("caseOwner")),
                        intake::create,
                        id -> registers.store().intakeCase(id),
                        intake::patch,
                        intake::toJson,
                        IntakeCase::id,
                        IntakeCase::version,
                        body -> body),
                AccessRole.PLANNER,
                AccessRole.REGISSEUR);
    }
}
