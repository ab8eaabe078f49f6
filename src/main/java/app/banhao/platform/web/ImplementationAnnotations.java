package app.banhao.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * An annotation of a resource method as the implementation declares it: RESTEasy Reactive may hand filters
 * the generated interface's method, where the spec-first build cannot put annotations.
 */
final class ImplementationAnnotations {

    private ImplementationAnnotations() {
    }

    static <A extends Annotation> A find(Method method, Class<A> type) {
        A annotation = method.getAnnotation(type);
        if (annotation == null && method.getDeclaringClass() != null) {
            try {
                annotation = method.getDeclaringClass().getMethod(method.getName(), method.getParameterTypes())
                        .getAnnotation(type);
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
        return annotation;
    }
}
