package vn.dvk.shared;

import org.springframework.validation.BindingResult;

/** Helpers for page forms: business-rule errors go beside the field they name. */
public final class Forms {

    private Forms() {}

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
