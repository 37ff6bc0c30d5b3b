package io.opsflow.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A one-line text (a name, a title): no line break, tab or other control character, so it cannot
 * add lines to a mail subject, a Markdown task form or a CSV row. Null is valid (use
 * {@code @NotBlank} for required fields).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneLine.Check.class)
public @interface OneLine {

  String message() default "must be one line: no line breaks, tabs or other control characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Control characters (C0, DEL, C1) and the Unicode line and paragraph separators. */
  class Check implements ConstraintValidator<OneLine, String> {

    private static final Pattern BREAKS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || !BREAKS.matcher(value).find();
    }
  }
}
