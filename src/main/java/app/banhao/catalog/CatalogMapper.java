package app.banhao.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.banhao.api.model.BundleSummary;
import app.banhao.api.model.BundleView;
import app.banhao.api.model.DeliveryOption;
import app.banhao.api.model.DepartmentView;
import app.banhao.api.model.InstantRules;
import app.banhao.api.model.ItemKind;
import app.banhao.api.model.MaterialView;
import app.banhao.api.model.OnlineDepth;
import app.banhao.api.model.PublicationStatus;
import app.banhao.api.model.ServiceItemInput;
import app.banhao.api.model.ServiceItemSummary;
import app.banhao.api.model.ServiceItemView;
import app.banhao.platform.publishing.Publication;

/** Between catalogue entities (JSON columns as text) and the API models. */
@ApplicationScoped
public class CatalogMapper {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public CatalogMapper(ObjectMapper json) {
        this.json = json;
    }

    public DepartmentView department(Department d) {
        DepartmentView model = new DepartmentView();
        model.setCode(d.code);
        model.setName(d.name);
        model.setDescription(d.description);
        model.setVersion(d.version);
        return model;
    }

    public ServiceItemSummary summary(ServiceItem i) {
        ServiceItemSummary model = new ServiceItemSummary();
        model.setCode(i.code);
        model.setName(i.name);
        model.setDepartmentCode(i.department.code);
        model.setDepartmentName(i.department.name);
        model.setKind(ItemKind.fromValue(i.kind));
        model.setOnlineDepth(OnlineDepth.fromValue(i.onlineDepth));
        model.setPromisedDays(i.promisedDays);
        model.setLegalDays(i.legalDays);
        model.setInstant(i.instant);
        model.setCrossProvince(i.crossProvince);
        model.setFee(i.fee);
        return model;
    }

    public ServiceItemView detail(ServiceItem i) {
        // The detail is the summary plus the guide: start from the summary's fields.
        ServiceItemView model = json.convertValue(summary(i), ServiceItemView.class);
        model.setFeeNote(i.feeNote);
        model.setConditions(read(i.conditions, STRINGS));
        model.setGuide(i.guide);
        model.setFormSchema(read(i.formSchema, OBJECT));
        model.setMaterials(i.materials.stream().map(CatalogMapper::material).toList());
        model.setCommitmentAllowed(i.commitmentAllowed);
        model.setInstantRules(i.instantRules == null ? null : json.convertValue(read(i.instantRules, OBJECT), InstantRules.class));
        model.setResultCertificateType(i.resultCertificateType);
        model.setDeliveryOptions(read(i.deliveryOptions, STRINGS).stream().map(DeliveryOption::fromValue).toList());
        model.setFeatured(i.featured);
        model.setAliases(SearchKeys.aliases(i));
        model.setStatus(PublicationStatus.fromValue(i.status));
        model.setVersion(i.version);
        model.setUpdatedAt(i.updatedAt);
        return model;
    }

    public BundleSummary bundleSummary(Bundle b) {
        BundleSummary model = new BundleSummary();
        model.setCode(b.code);
        model.setName(b.name);
        model.setDescription(b.description);
        model.setPromisedDays(b.promisedDays);
        model.setItemCodes(activeItems(b).stream().map(i -> i.code).toList());
        model.setVersion(b.version);
        return model;
    }

    public BundleView bundle(Bundle b) {
        List<ServiceItem> items = activeItems(b);
        BundleView model = new BundleView();
        model.setCode(b.code);
        model.setName(b.name);
        model.setDescription(b.description);
        model.setPromisedDays(b.promisedDays);
        model.setItems(items.stream().map(this::summary).toList());
        model.setMergedForm(mergedForm(items));
        model.setVersion(b.version);
        return model;
    }

    /** Copies the admin's input onto the entity (code, status, version and timestamps are the service's). */
    public void apply(ServiceItemInput in, ServiceItem i) {
        i.name = in.getName();
        i.kind = in.getKind().toString();
        i.onlineDepth = in.getOnlineDepth().toString();
        i.promisedDays = in.getPromisedDays();
        i.legalDays = in.getLegalDays();
        i.instant = in.getInstant();
        i.crossProvince = in.getCrossProvince();
        i.fee = in.getFee();
        i.feeNote = in.getFeeNote();
        i.conditions = write(in.getConditions());
        i.guide = in.getGuide();
        i.formSchema = write(in.getFormSchema());
        i.materials.clear();
        in.getMaterials().forEach(m -> i.materials.add(material(m)));
        i.commitmentAllowed = in.getCommitmentAllowed();
        i.instantRules = in.getInstantRules() == null ? null : write(in.getInstantRules());
        i.resultCertificateType = in.getResultCertificateType();
        i.deliveryOptions = write(in.getDeliveryOptions().stream().map(String::valueOf).toList());
        i.featured = Boolean.TRUE.equals(in.getFeatured());
        SearchKeys.setAliases(i, in.getAliases() == null ? List.of() : in.getAliases());
    }

    /**
     * One form for the whole bundle (一表申请): every field of every item's form, a field that several
     * items ask for (same name) once, marked with the items that use it in {@code x-items}.
     */
    Map<String, Object> mergedForm(List<ServiceItem> items) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (ServiceItem item : items) {
            Map<String, Object> schema = read(item.formSchema, OBJECT);
            if (schema.get("properties") instanceof Map<?, ?> fields) {
                fields.forEach((name, definition) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> field = (Map<String, Object>) properties.computeIfAbsent((String) name, n -> {
                        Map<String, Object> copy = new LinkedHashMap<>(definition instanceof Map<?, ?> d
                                ? castMap(d) : Map.of());
                        copy.put("x-items", new ArrayList<String>());
                        return copy;
                    });
                    @SuppressWarnings("unchecked")
                    List<String> users = (List<String>) field.get("x-items");
                    users.add(item.code);
                });
            }
            if (schema.get("required") instanceof List<?> names) {
                names.forEach(n -> required.add(String.valueOf(n)));
            }
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        merged.put("type", "object");
        merged.put("required", List.copyOf(required));
        merged.put("properties", properties);
        return merged;
    }

    private static List<ServiceItem> activeItems(Bundle b) {
        return b.items.stream().filter(i -> i != null && Publication.ACTIVE.equals(i.status)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static MaterialView material(Material m) {
        MaterialView model = new MaterialView();
        model.setName(m.name);
        model.setDescription(m.description);
        model.setRequired(m.required);
        model.setReplaceableBy(m.replaceableBy);
        model.setToleratedIfMissing(m.toleratedIfMissing);
        return model;
    }

    private static Material material(MaterialView m) {
        Material entity = new Material();
        entity.name = m.getName();
        entity.description = m.getDescription();
        entity.required = m.getRequired();
        entity.replaceableBy = m.getReplaceableBy();
        entity.toleratedIfMissing = m.getToleratedIfMissing();
        return entity;
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Catalogue JSON column does not parse", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Catalogue value does not serialise", e);
        }
    }
}
