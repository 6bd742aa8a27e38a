package vn.dvk.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.validation.BindingResult;

/**
 * Helpers for page forms. One input contract: a page builds the same request record as the API and checks it
 * against the record's own constraints ({@link #violations}, {@link #check}), so a rule such as "at most
 * {@link Limits#TEXT} characters" is written once, on the record; business-rule errors ({@link Problems.Invalid}) go
 * beside the field they name ({@link #reject}).
 */
public final class Forms {

    private Forms() {}

    /**
     * The constraints a request record breaks, as field → message (the first message of each field, fields in the
     * order of their paths, e.g. {@code to[0].code}); empty when the record is valid.
     */
    public static Map<String, String> violations(Validator validator, Object request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ordered(validator, request)
                .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return errors;
    }

    /** A record's broken constraints in a stable order: by path, then by message. */
    private static List<ConstraintViolation<Object>> ordered(Validator validator, Object request) {
        return validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) ->
                                v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .toList();
    }

    /** The form field a violation's path belongs to: {@code to[2].code} → {@code to}, {@code note} → {@code note}. */
    public static String field(String path) {
        int end = 0;
        while (end < path.length() && path.charAt(end) != '[' && path.charAt(end) != '.') {
            end++;
        }
        return path.substring(0, end);
    }

    /**
     * Checks a request record against its constraints and puts each broken one beside its field of the page's form
     * (unless binding already put an error there); true when the binding result holds no error at all.
     */
    public static boolean check(Validator validator, Object request, BindingResult binding) {
        for (ConstraintViolation<Object> v : ordered(validator, request)) {
            // the constraint's name is the error's code, as Spring's own validation gives it ("NotBlank", "Size")
            String code =
                    v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            String field = v.getPropertyPath().toString();
            if (!hasField(binding, field)) {
                binding.reject(code, v.getMessage());
            } else if (!binding.hasFieldErrors(field)) {
                binding.rejectValue(field, code, v.getMessage());
            }
        }
        return !binding.hasErrors();
    }

    /** Copies the field errors of a {@link Problems.Invalid} into a binding result. */
    public static void reject(BindingResult binding, Problems.Invalid invalid) {
        for (Problems.FieldError e : invalid.errors()) {
            String field = binding.getTarget() != null && hasField(binding, e.field()) ? e.field() : null;
            if (field == null) {
                binding.reject(e.messageKey(), e.args(), e.messageKey());
            } else {
                binding.rejectValue(field, e.messageKey(), e.args(), e.messageKey());
            }
        }
    }

    private static boolean hasField(BindingResult binding, String field) {
        try {
            binding.getFieldType(field);
            return binding.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
