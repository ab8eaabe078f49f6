package app.banhao.platform.error;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, path or header parameter that could not be converted. A {@code WebApplicationException} so
 * that the REST layer passes it on as is instead of turning it into JAX-RS's default 404.
 */
public class InvalidParameterException extends BadRequestException {

    private final transient FieldError error;

    public InvalidParameterException(FieldError error) {
        super(error.field());
        this.error = error;
    }

    public FieldError error() {
        return error;
    }
}
