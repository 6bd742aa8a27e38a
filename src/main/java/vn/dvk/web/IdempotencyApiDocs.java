package vn.dvk.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

/** The OpenAPI document names the optional {@code Idempotency-Key} header on every POST that takes one. */
@Configuration(proxyBeanMethods = false)
class IdempotencyApiDocs {

    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            PostMapping post = handler.getMethodAnnotation(PostMapping.class);
            boolean keyless = post != null && Arrays.stream(post.value()).anyMatch(p -> p.endsWith("/preview"))
                    || handler.getBeanType().getSimpleName().equals("AuthApiController");
            if (post != null && !keyless) {
                operation.addParametersItem(new HeaderParameter()
                        .name(IdempotencyFilter.HEADER)
                        .required(false)
                        .description("Retries with the same key and body within 24 h answer the first result again;"
                                + " another body: 422 (see docs/API.md)")
                        .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$")));
            }
            return operation;
        };
    }
}
