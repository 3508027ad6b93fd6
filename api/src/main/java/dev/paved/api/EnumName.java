package dev.paved.api;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;

/** A query parameter that is absent or the name of one of {@link #value()}'s constants. */
@Constraint(validatedBy = EnumName.Check.class)
@Target(PARAMETER)
@Retention(RUNTIME)
public @interface EnumName {

  Class<? extends Enum<?>> value();

  String message() default "is not one of the names it may be";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the name, and says which names fit when it is none of them. */
  class Check implements ConstraintValidator<EnumName, String> {

    private String[] names;

    @Override
    public void initialize(EnumName annotation) {
      names =
          Arrays.stream(annotation.value().getEnumConstants())
              .map(Enum::name)
              .toArray(String[]::new);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || Arrays.asList(names).contains(value)) {
        return true;
      }
      // only the constants in the message: a template holding the caller's text would be evaluated
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate("must be one of " + String.join(", ", names))
          .addConstraintViolation();
      return false;
    }
  }
}
