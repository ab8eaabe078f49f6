package app.banhao.resident;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.banhao.api.model.Address;
import app.banhao.api.model.AddressCreate;
import app.banhao.platform.crypto.DataProtection;
import app.banhao.platform.error.ApiException;
import app.banhao.platform.error.ErrorCode;
import app.banhao.platform.idempotency.Idempotency;
import app.banhao.platform.time.BusinessClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A resident's postal addresses, encrypted at rest; used later by postal delivery. */
@ApplicationScoped
public class AddressService {

    static final int MAX_ADDRESSES = 20;

    private final ResidentAddressRepository addresses;
    private final ResidentMapper mapper;
    private final DataProtection crypto;
    private final Idempotency idempotency;
    private final BusinessClock clock;

    public AddressService(ResidentAddressRepository addresses, ResidentMapper mapper, DataProtection crypto,
            Idempotency idempotency, BusinessClock clock) {
        this.clock = clock;
        this.addresses = addresses;
        this.mapper = mapper;
        this.crypto = crypto;
        this.idempotency = idempotency;
    }

    @WithTransaction
    public Uni<List<Address>> list(UUID residentId) {
        return addresses.ofResident(residentId).map(list -> list.stream().map(mapper::toAddress).toList());
    }

    @WithTransaction
    public Uni<Address> add(UUID residentId, AddressCreate request, String idempotencyKey) {
        return idempotency.once("resident:" + residentId + ":addMyAddress", idempotencyKey, request, Address.class,
                () -> create(residentId, request));
    }

    private Uni<Address> create(UUID residentId, AddressCreate request) {
        return addresses.countOf(residentId).chain(count -> {
            if (count >= MAX_ADDRESSES) {
                throw ApiException.of(ResidentErrors.TOO_MANY_ADDRESSES, MAX_ADDRESSES);
            }
            boolean makeDefault = count == 0 || Boolean.TRUE.equals(request.getIsDefault());
            ResidentAddress a = new ResidentAddress();
            a.id = UUID.randomUUID();
            a.residentId = residentId;
            a.recipientEnc = crypto.encrypt(request.getRecipient().strip());
            a.phoneEnc = crypto.encrypt(request.getPhone());
            a.regionCode = request.getRegionCode();
            a.detailEnc = crypto.encrypt(request.getDetail().strip());
            a.isDefault = makeDefault;
            a.createdAt = clock.now();
            Uni<Integer> clear = makeDefault ? addresses.clearDefault(residentId) : Uni.createFrom().item(0);
            return clear.chain(() -> addresses.persist(a)).map(mapper::toAddress);
        });
    }

    /** An address in clear, for a feature that copies it under its own encryption (postal delivery). */
    public record PostalAddress(String recipient, String phone, String regionCode, String detail) {
    }

    /**
     * The resident's own address {@code addressId} in clear, for the caller to keep encrypted in turn; 404 for another
     * resident's or an unknown one. Runs in the caller's session.
     */
    public Uni<PostalAddress> owned(UUID residentId, UUID addressId) {
        return addresses.findOwned(addressId, residentId)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .map(a -> new PostalAddress(crypto.decrypt(a.recipientEnc), crypto.decrypt(a.phoneEnc), a.regionCode,
                        crypto.decrypt(a.detailEnc)));
    }

    @WithTransaction
    public Uni<Void> delete(UUID residentId, UUID addressId) {
        return addresses.findOwnedForUpdate(addressId, residentId)
                .onItem().ifNull().failWith(() -> ApiException.of(ErrorCode.NOT_FOUND))
                .call(addresses::delete)
                .replaceWithVoid();
    }
}
