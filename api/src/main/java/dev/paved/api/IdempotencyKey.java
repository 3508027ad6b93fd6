package dev.paved.api;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An {@code Idempotency-Key} header: absent, or 1 to 200 characters that are not all blank. */
@Size(min = 1, max = 200)
@Pattern(regexp = "(?s).*\\S.*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target(PARAMETER)
@Retention(RUNTIME)
public @interface IdempotencyKey {

  String message() default "must be 1 to 200 characters, not all blank";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
