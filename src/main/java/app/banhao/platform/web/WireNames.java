package app.banhao.platform.web;

import java.lang.annotation.Annotation;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The name a request parameter has on the wire, from its JAX-RS annotation. */
public final class WireNames {

    private WireNames() {
    }

    /** The query, path, header, cookie or form name; null when none of those annotations is present. */
    public static String of(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            } else if (a instanceof PathParam p) {
                return p.value();
            } else if (a instanceof HeaderParam h) {
                return h.value();
            } else if (a instanceof CookieParam c) {
                return c.value();
            } else if (a instanceof FormParam f) {
                return f.value();
            }
        }
        return null;
    }
}
