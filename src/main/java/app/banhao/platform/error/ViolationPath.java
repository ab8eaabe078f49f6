package app.banhao.platform.error;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import app.banhao.platform.web.WireNames;

/**
 * Where a bean-validation violation sits, in the caller's terms: a request parameter by the name it
 * has on the wire ({@code Idempotency-Key}, not {@code idempotencyKey}), or a JSON path in the body.
 *
 * @param field the wire name or JSON path; empty for the body itself
 * @param body whether the violation is in (or is) the request body
 * @param returnValue whether our own response violated the contract
 */
record ViolationPath(String field, boolean body, boolean returnValue) {

    private static final Map<String, String[]> WIRE_NAMES = new ConcurrentHashMap<>();

    static ViolationPath of(ConstraintViolation<?> violation) {
        String methodName = null;
        String parameterWireName = null;
        boolean body = false;
        StringBuilder property = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD) {
                methodName = node.getName();
            } else if (kind == ElementKind.RETURN_VALUE) {
                return new ViolationPath(node.getName(), false, true);
            } else if (kind == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                parameterWireName = wireName(violation.getRootBeanClass(), methodName, index);
                body = parameterWireName == null;
                if (body) {
                    parameterWireName = "";
                }
                if (!body) {
                    property.append(parameterWireName);
                }
            } else if (kind == ElementKind.PROPERTY || kind == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null && !property.isEmpty()) {
                    property.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null && !property.isEmpty()) {
                    property.append('.').append(node.getKey());
                }
                if (node.getName() != null && kind == ElementKind.PROPERTY) {
                    if (!property.isEmpty()) {
                        property.append('.');
                    }
                    property.append(node.getName());
                }
            }
        }
        return new ViolationPath(property.toString(), body, false);
    }

    /**
     * The wire name of a resource method's parameter from its JAX-RS annotation (on the class or on the
     * generated interface it implements); null for the un-annotated entity parameter, i.e. the body.
     */
    private static String wireName(Class<?> resource, String methodName, int index) {
        if (methodName == null) {
            return null;
        }
        String[] names = WIRE_NAMES.computeIfAbsent(resource.getName() + "#" + methodName + "#" + index,
                k -> new String[] { lookUp(resource, methodName, index) });
        return names[0];
    }

    private static String lookUp(Class<?> type, String methodName, int index) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            String found = lookUpIn(c, methodName, index);
            if (found != null) {
                return found;
            }
            for (Class<?> api : c.getInterfaces()) {
                found = lookUpIn(api, methodName, index);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String lookUpIn(Class<?> type, String methodName, int index) {
        for (Method method : type.getDeclaredMethods()) {
            if (!method.getName().equals(methodName) || method.getParameterCount() <= index) {
                continue;
            }
            String wire = WireNames.of(method.getParameterAnnotations()[index]);
            if (wire != null) {
                return wire;
            }
            String restName = restAnnotationName(method.getParameterAnnotations()[index], method.getParameters()[index].getName());
            if (restName != null) {
                return restName;
            }
        }
        return null;
    }

    /** RESTEasy Reactive's {@code @RestQuery} etc. default to the Java parameter name. */
    private static String restAnnotationName(Annotation[] annotations, String javaName) {
        for (Annotation a : annotations) {
            String simple = a.annotationType().getSimpleName();
            if (simple.startsWith("Rest") && !simple.equals("RestStreamElementType")) {
                return javaName;
            }
        }
        return null;
    }
}
