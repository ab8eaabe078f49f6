package app.banhao.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The success status of an operation whose generated interface returns a plain body (201 Created, 202
 * Accepted). RESTEasy Reactive reads {@code @ResponseStatus} from the generated interface only, where the
 * spec-first build cannot put it; {@link SuccessStatusFilter} applies this one from the implementation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SuccessStatus {
    int value();
}
