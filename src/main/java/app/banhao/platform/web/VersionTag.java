package app.banhao.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation answers a versioned resource (its body has a {@code version}): {@link VersionTagFilter} sends
 * that version as the {@code ETag} ({@code "7"}), the value {@code If-Match} takes ({@link IfMatch}), RFC 9110.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface VersionTag {
}
