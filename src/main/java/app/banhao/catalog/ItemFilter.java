package app.banhao.catalog;

import app.banhao.api.model.ItemKind;

/** The resident's search and filters over service items; null means "any". */
public record ItemFilter(String q, String department, ItemKind kind, Boolean crossProvince, Boolean fullyOnline,
        Boolean instant) {
}
