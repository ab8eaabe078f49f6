package app.banhao.proof;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import app.banhao.application.ApplicationFixtures;
import app.banhao.live.LiveFixtures;
import app.banhao.postal.PostalFixtures;
import app.banhao.video.appointment.VideoFixtures;
import app.banhao.rating.RatingFixtures;
import app.banhao.testing.Logins;
import app.banhao.testing.access.AccessCases;
import app.banhao.testing.access.Caller;
import app.banhao.testing.access.ListReaders;
import app.banhao.testing.access.Target;
import app.banhao.video.console.ConsoleFixtures;
import app.banhao.video.proxy.ProxyFixtures;
import app.banhao.wallet.WalletFixtures;
import app.banhao.wallet.grant.GrantFixtures;
import io.restassured.http.ContentType;

/**
 * The authorization matrix of the API: one entry per operation of {@code api-spec/openapi.yaml} with an
 * identifier in its path, and one per read with a token that names no object (lists, the worklist, the event
 * stream, "me": {@code listedForResident/listedForDepartment}). Whoever adds such an operation adds its case here, e.g.
 *
 * <pre>{@code
 * .ownedByResident(owner -> {
 *     var created = owner.authorize(given()).contentType(JSON).body(DRAFT)
 *             .post("/api/v1/applications").then().statusCode(201).extract();
 *     return Target.of(Map.of("applicationNo", created.path("applicationNo")), created.asString());
 * }, "getApplication", "listApplicationEvents")
 * .ownedByDepartment(staff -> ..., "getReviewTask")
 * .publicOperation("getServiceItem", "the catalogue is public")
 * }</pre>
 *
 * {@link AuthorizationMatrixTest} fails while an operation with an identifier has no entry.
 */
final class AccessMatrixCases {

    private static final String ADDRESS = "{\"recipient\":\"张三\",\"phone\":\"13912345678\",\"regionCode\":\"430102\","
            + "\"detail\":\"芙蓉区五一大道 1 号 2 栋 301\"}";

    /** Where the residents of the matrix's rating cases were served (the owner's department has its own cases). */
    private static final String RATED_DEPARTMENT = "MATRIX-RATED-DEPT";

    static final AccessCases REGISTRY = AccessCases.builder()
            .ownedByResident(owner -> {
                var created = owner.authorize(given()).contentType(ContentType.JSON).body(ADDRESS)
                        .post("/api/v1/me/addresses").then().statusCode(201).extract();
                return Target.of(Map.of("addressId", created.path("id")), created.asString());
            }, "deleteMyAddress")
            .ownedByResident(owner -> {
                String no = ApplicationFixtures.draft(owner.token(), PostalFixtures.department().item()).getString("applicationNo");
                return Target.of(Map.of("applicationNo", no), "{\"applicationNo\":\"" + no + "\"}")
                        .withBody(PostalFixtures.choice(PostalFixtures.address(owner.token())));
            }, "choosePostalDelivery")
            .ownedByResident(owner -> {
                String no = ApplicationFixtures.draft(owner.token(), PostalFixtures.department().item()).getString("applicationNo");
                return Target.of(Map.of("applicationNo", no), PostalFixtures.chosen(owner.token(), no));
            }, "getPostalDelivery", "cancelPostalDelivery")
            .ownedByResident(owner -> {
                String no = ApplicationFixtures.draft(owner.token(), PostalFixtures.department().item()).getString("applicationNo");
                return Target.of(Map.of("applicationNo", no), "{\"applicationNo\":\"" + no + "\"}")
                        .withBody(PostalFixtures.booking(PostalFixtures.address(owner.token())));
            }, "bookPostalPickup")
            .ownedByResident(owner -> {
                String no = ApplicationFixtures.draft(owner.token(), PostalFixtures.department().item()).getString("applicationNo");
                String booked = owner.authorize(given()).contentType(ContentType.JSON)
                        .body(PostalFixtures.booking(PostalFixtures.address(owner.token())))
                        .put("/api/v1/applications/" + no + "/pickup").then().statusCode(200).extract().asString();
                return Target.of(Map.of("applicationNo", no), booked);
            }, "getPostalPickup", "cancelPostalPickup")
            .ownedByResident(owner -> {
                var sessions = owner.authorize(given()).get("/api/v1/me/sessions").then().statusCode(200).extract();
                return Target.of(Map.of("sessionId", sessions.path("items[0].id")), sessions.asString());
            }, "endMySession")
            .ownedByResident(owner -> {
                var item = app.banhao.application.ApplicationFixtures.department(false).item();
                var draft = app.banhao.application.ApplicationFixtures.draft(owner.token(), item);
                return Target.of(Map.of("applicationNo", draft.getString("applicationNo")), draft.prettify())
                        .withBody("{\"formData\":{\"applicantName\":\"李四\"}}");
            }, "getApplication", "listApplicationEvents", "updateApplicationDraft", "withdrawApplication")
            .ownedByResident(owner -> {
                var item = app.banhao.application.ApplicationFixtures.department(false).item();
                var draft = app.banhao.application.ApplicationFixtures.draft(owner.token(), item);
                String no = draft.getString("applicationNo");
                app.banhao.application.ApplicationFixtures.upload(owner.token(), no, "申请书",
                        app.banhao.application.ApplicationFixtures.PDF, "a.pdf");
                app.banhao.application.ApplicationFixtures.upload(owner.token(), no, "身份证",
                        app.banhao.application.ApplicationFixtures.PNG, "b.png");
                return Target.of(Map.of("applicationNo", no), draft.prettify()).withBody("{}");
            }, "submitApplication")
            .ownedByResident(owner -> {
                var item = app.banhao.application.ApplicationFixtures.department(false).item();
                app.banhao.application.ApplicationFixtures.submitted(owner.token(), item);
                var inbox = owner.authorize(given()).get("/api/v1/me/messages").then().statusCode(200).extract();
                return Target.of(Map.of("messageId", inbox.path("items[0].id")), inbox.asString());
            }, "markMessageRead")
            .ownedByResident(owner -> {
                var item = ApplicationFixtures.department(false).item();
                var draft = ApplicationFixtures.draft(owner.token(), item);
                return Target.of(Map.of("applicationNo", draft.getString("applicationNo")), draft.prettify())
                        .withRequest(r -> r.multiPart(ApplicationFixtures.namePart("申请书"))
                                .multiPart("file", "form.pdf", ApplicationFixtures.PDF, "application/pdf"));
            }, "uploadApplicationMaterial")
            .ownedByResident(owner -> {
                // A profile reference needs the owner's verified identity (L2).
                owner.authorize(given()).contentType(ContentType.JSON)
                        .body("{\"name\":\"张三\",\"idNumber\":\"" + app.banhao.testing.TestIdNumbers.unique() + "\"}")
                        .post("/api/v1/me/real-name").then().statusCode(200);
                var item = ApplicationFixtures.department(false).item();
                var draft = ApplicationFixtures.draft(owner.token(), item);
                return Target.of(Map.of("applicationNo", draft.getString("applicationNo")), draft.prettify())
                        .withBody("{\"name\":\"身份证\",\"kind\":\"PROFILE\"}");
            }, "referenceApplicationMaterial")
            .ownedByResident(owner -> {
                var dept = ApplicationFixtures.department(false);
                String no = ApplicationFixtures.submitted(owner.token(), dept.item());
                ApplicationFixtures.act(dept.reviewer(), no, "request-supplement", "{\"missing\":[\"场所证明\"]}")
                        .statusCode(200);
                ApplicationFixtures.upload(owner.token(), no, "场所证明", ApplicationFixtures.PDF, "site.pdf");
                var detail = owner.authorize(given()).get("/api/v1/applications/" + no).then().statusCode(200).extract();
                return Target.of(Map.of("applicationNo", no), detail.asString()).withBody("{\"note\":\"已补充\"}");
            }, "supplyApplicationSupplement")
            .ownedByDepartment(staff -> staffCase(staff, List.of()), "getStaffApplication", "acceptApplication",
                    "notAcceptApplication", "requestApplicationSupplement", "listStaffApplicationTimeline")
            .ownedByDepartment(staff -> staffCase(staff, List.of()).withBody("{\"text\":\"矩阵测试备注\"}"),
                    "addStaffApplicationNote")
            .ownedByDepartment(staff -> staffCase(staff, List.of("accept")), "approveApplication", "rejectApplication",
                    "suspendApplication")
            .ownedByDepartment(staff -> staffCase(staff, List.of("accept", "suspend")), "resumeApplication")
            .listedForResident(owner -> Target.of(Map.of(), "{\"applicationNo\":\""
                    + ApplicationFixtures.draft(owner.token(), ApplicationFixtures.department(false).item()).getString("applicationNo")
                    + "\"}"), ListReaders.PAGES, "listMyApplications")
            .listedForResident(owner -> Target.of(Map.of(), "{\"applicationNo\":\""
                    + ApplicationFixtures.submitted(owner.token(), ApplicationFixtures.department(false).item()) + "\"}"),
                    ListReaders.PAGES, "listMyMessages")
            .listedForResident(owner -> Target.of(Map.of(), "{\"applicationNo\":\""
                    + ApplicationFixtures.submitted(owner.token(), ApplicationFixtures.department(false).item()) + "\"}"),
                    ListReaders.events(java.time.Duration.ofSeconds(3)), "streamMyEvents")
            .listedForResident(owner -> {
                String detail = "矩阵路 " + java.util.UUID.randomUUID();
                var created = owner.authorize(given()).contentType(ContentType.JSON).body(ADDRESS.replace("芙蓉区五一大道 1 号 2 栋 301", detail))
                        .post("/api/v1/me/addresses").then().statusCode(201).extract();
                return Target.of(Map.of(), "{\"id\":\"" + created.path("id") + "\",\"detail\":\"" + detail + "\"}");
            }, ListReaders.ONE, "listMyAddresses")
            .listedForResident(owner -> {
                String session = owner.authorize(given()).get("/api/v1/me/sessions").then().statusCode(200).extract().path("items[0].id");
                return Target.of(Map.of(), "{\"id\":\"" + session + "\"}");
            }, ListReaders.ONE, "listMySessions")
            .listedForResident(owner -> {
                String nickname = "矩阵-" + java.util.UUID.randomUUID().toString().substring(0, 8);
                owner.authorize(given()).contentType(ContentType.JSON).body("{\"nickname\":\"" + nickname + "\"}")
                        .patch("/api/v1/me").then().statusCode(200);
                return Target.of(Map.of(), "{\"id\":\"" + owner.id() + "\",\"nickname\":\"" + nickname + "\"}");
            }, ListReaders.ONE, "getMe")
            .listedForDepartment(staff -> Target.of(Map.of(), "{\"applicationNo\":\"" + ApplicationFixtures.submitted(
                    Logins.newResidentToken(), ApplicationFixtures.department(Caller.OWNER_DEPARTMENT, false).item()) + "\"}"),
                    ListReaders.PAGES, "listStaffApplications")
            .ownedByResident(owner -> {
                WalletFixtures.ensureVerified(owner.token());
                var page = WalletFixtures.issued(owner.token(), "MATRIX-WALLET-DEPT");
                return Target.of(Map.of("certificateId", page.getString("items[0].id")), page.prettify());
            }, "getMyCertificate", "revealMyCertificate")
            .listedForResident(owner -> {
                WalletFixtures.ensureVerified(owner.token());
                var page = WalletFixtures.issued(owner.token(), "MATRIX-WALLET-DEPT");
                return Target.of(Map.of(), "{\"id\":\"" + page.getString("items[0].id") + "\"}");
            }, ListReaders.PAGES, "listMyCertificates")
            .ownedByDepartment(staff -> {
                String resident = Logins.newResidentToken();
                WalletFixtures.ensureVerified(resident);
                var page = WalletFixtures.issued(resident, Caller.OWNER_DEPARTMENT);
                return Target.of(Map.of("certificateId", page.getString("items[0].id")), page.prettify())
                        .withBody("{\"status\":\"SUSPENDED\",\"reason\":\"矩阵测试\"}");
            }, "changeCertificateStatus")
            .listedForResident(owner -> {
                WalletFixtures.ensureVerified(owner.token());
                String certificate = WalletFixtures.issued(owner.token(), "MATRIX-WALLET-DEPT").getString("items[0].id");
                String no = ApplicationFixtures.draft(owner.token(), ApplicationFixtures.department(false).item())
                        .getString("applicationNo");
                owner.authorize(given()).contentType(ContentType.JSON)
                        .body("{\"name\":\"身份证\",\"kind\":\"CERTIFICATE\",\"certificateId\":\"" + certificate + "\"}")
                        .post("/api/v1/applications/" + no + "/material-references").then().statusCode(201);
                // The department's use is recorded when the draft is submitted.
                ApplicationFixtures.upload(owner.token(), no, "申请书", ApplicationFixtures.PDF, "a.pdf");
                owner.authorize(given()).contentType(ContentType.JSON).body("{}")
                        .post("/api/v1/applications/" + no + "/submit").then().statusCode(200);
                return Target.of(Map.of(), "{\"reference\":\"" + no + "\"}");
            }, ListReaders.PAGES, "listMyDataUsage")
            // 帮代办: the agent's operations reach only a consent of their own (another department's staff: 403), the
            // resident's only their own consents and drafts (another resident: 404).
            .ownedByDepartment(staff -> proxyCase(staff, false).withBody("{\"formData\":" + ProxyFixtures.FORM + "}"),
                    "updateProxyApplicationDraft", "requestProxySubmissionConfirmation")
            .ownedByDepartment(staff -> proxyConsent(staff), "getAgentProxyConsent", "withdrawProxyConsent")
            .ownedByDepartment(staff -> proxyConsent(staff).withBody("{\"itemCode\":\"" + proxyItem() + "\",\"formData\":"
                    + ProxyFixtures.FORM + "}"), "createProxyApplication")
            .ownedByDepartment(staff -> proxyCase(staff, false).withRequest(r -> r.multiPart(ApplicationFixtures.namePart("申请书"))
                    .multiPart("file", "form.pdf", ApplicationFixtures.PDF, "application/pdf")), "uploadProxyApplicationMaterial")
            .ownedByDepartment(staff -> proxyCase(staff, true).withBody("{}"), "submitProxyApplication")
            .ownedByResident(owner -> {
                var asked = ProxyFixtures.askedOf(owner.token(), Caller.OWNER_DEPARTMENT, proxyItem(), false);
                return Target.of(Map.of("consentId", asked.getString("id")), asked.prettify());
            }, "approveProxyConsent", "refuseProxyConsent")
            .ownedByResident(owner -> {
                var asked = ProxyFixtures.askedOf(owner.token(), Caller.OWNER_DEPARTMENT, proxyItem(), true);
                return Target.of(Map.of("consentId", asked.getString("id")), asked.prettify());
            }, "revokeProxyConsent")
            .listedForResident(owner -> Target.of(Map.of(), "{\"id\":\""
                    + ProxyFixtures.askedOf(owner.token(), Caller.OWNER_DEPARTMENT, proxyItem(), false).getString("id") + "\"}"),
                    ListReaders.ONE, "listMyProxyConsents")
            .ownedByResident(owner -> {
                var waiting = ProxyFixtures.awaitingConfirmation(owner.token(), Caller.OWNER_DEPARTMENT, proxyItem());
                return Target.of(Map.of("applicationNo", waiting.applicationNo()), waiting.json()).withBody("{}");
            }, "confirmProxySubmission")
            .ownedByResident(owner -> {
                var holder = GrantFixtures.holder(owner.token());
                var request = GrantFixtures.ask(GrantFixtures.party(), holder.idNumber(), 1);
                return Target.of(Map.of("requestId", request.getString("id")), request.prettify());
            }, "approveGrantRequest", "refuseGrantRequest")
            .ownedByResident(owner -> {
                var holder = GrantFixtures.holder(owner.token());
                String grant = GrantFixtures.granted(GrantFixtures.party(), holder, 1);
                return Target.of(Map.of("grantId", grant), "{\"id\":\"" + grant + "\"}");
            }, "revokeMyGrant")
            .ownedByResident(owner -> {
                var holder = GrantFixtures.holder(owner.token());
                var party = GrantFixtures.party();
                GrantFixtures.use(party, GrantFixtures.granted(party, holder, 1)).statusCode(200);
                var ledger = owner.authorize(given()).get("/api/v1/me/data-usage").then().statusCode(200).extract();
                return Target.of(Map.of("usageId", ledger.path("items[0].id")), "{\"id\":\"" + ledger.path("items[0].id") + "\"}")
                        .withBody("{\"reason\":\"矩阵测试：不认识这次用证\"}");
            }, "reportDataUsage")
            .listedForResident(owner -> {
                var holder = GrantFixtures.holder(owner.token());
                String request = GrantFixtures.ask(GrantFixtures.party(), holder.idNumber(), 1).getString("id");
                return Target.of(Map.of(), "{\"id\":\"" + request + "\"}");
            }, ListReaders.PAGES, "listMyGrantRequests")
            .listedForResident(owner -> {
                String grant = GrantFixtures.granted(GrantFixtures.party(), GrantFixtures.holder(owner.token()), 1);
                return Target.of(Map.of(), "{\"id\":\"" + grant + "\"}");
            }, ListReaders.PAGES, "listMyGrants")
            .roleGuarded("ADMIN", "relying parties are registered and managed by administrators, province-wide",
                    "listRelyingParties", "deactivateRelyingParty", "rotateRelyingPartySecret")
            .roleGuarded("ADMIN", "complaints about uses of residents' data are handled by administrators",
                    "listDataUsageComplaints", "closeDataUsageComplaint")
            .roleGuarded("RELYING_PARTY", "a party reaches only its own requests and grants, looked up by the token's"
                    + " subject (another party's grant is 404: GrantTest)", "listRelyingPartyRequests", "useCertificateGrant")
            .ownedByResident(owner -> {
                var shown = app.banhao.wallet.PresentationFixtures.present(owner.token(),
                        app.banhao.wallet.PresentationFixtures.certificate(owner.token()), false, 300, "持证主体");
                return Target.of(Map.of("presentationId", shown.getString("id")), shown.prettify());
            }, "revokeMyPresentation")
            .listedForResident(owner -> {
                var shown = app.banhao.wallet.PresentationFixtures.present(owner.token(),
                        app.banhao.wallet.PresentationFixtures.certificate(owner.token()), false, 300, "持证主体");
                return Target.of(Map.of(), "{\"id\":\"" + shown.getString("id") + "\"}");
            }, ListReaders.PAGES, "listMyPresentations")
            .publicOperation("verifyPresentation", "a verifier (bank, shop, another department) needs no account: the token"
                    + " it was shown is the authorisation, and it reveals only the fields the holder chose")
            .listedForResident(owner -> Target.of(Map.of(), "{\"subjectId\":\""
                    + RatingFixtures.finished(owner.token(), RATED_DEPARTMENT) + "\"}"), ListReaders.PAGES, "listMyRatingInvitations")
            .ownedByResident(owner -> {
                String no = RatingFixtures.finished(owner.token(), RATED_DEPARTMENT);
                return Target.of(Map.of("subjectKind", "APPLICATION", "subjectId", no), "{}").withBody(RatingFixtures.BAD);
            }, "rateService")
            .ownedByResident(owner -> {
                String no = RatingFixtures.finished(owner.token(), RATED_DEPARTMENT);
                var rated = RatingFixtures.rate(owner.token(), no, RatingFixtures.BAD).statusCode(201).extract();
                return Target.of(Map.of("subjectKind", "APPLICATION", "subjectId", no), rated.asString())
                        .withBody(RatingFixtures.GOOD);
            }, "getMyRating", "amendMyRating")
            .ownedByResident(owner -> {
                var rated = RatingFixtures.badlyRated(owner.token(), RATED_DEPARTMENT);
                String reviewer = RatingFixtures.reviewer(RATED_DEPARTMENT);
                RatingFixtures.step(reviewer, RatingFixtures.rectificationOf(reviewer, rated.getString("id")), "fix",
                        "{\"action\":\"矩阵整改措施说明\"}").statusCode(200);
                return Target.of(Map.of("subjectKind", "APPLICATION", "subjectId", rated.getString("subjectId")), rated.prettify())
                        .withBody("{\"verdict\":\"SATISFIED\"}");
            }, "rateRectification")
            .listedForDepartment(staff -> Target.of(Map.of(), "{\"id\":\""
                    + RatingFixtures.badlyRated(Logins.newResidentToken(), Caller.OWNER_DEPARTMENT).getString("id") + "\"}"),
                    ListReaders.PAGES, "listStaffRatings")
            .listedForDepartment(staff -> {
                String rating = RatingFixtures.badlyRated(Logins.newResidentToken(), Caller.OWNER_DEPARTMENT).getString("id");
                return Target.of(Map.of(), "{\"id\":\"" + RatingFixtures.rectificationOf(staff.token(), rating).getString("id")
                        + "\"}");
            }, ListReaders.PAGES, "listStaffRectifications")
            .listedForDepartment(staff -> {
                String rating = RatingFixtures.badlyRated(Logins.newResidentToken(), Caller.OWNER_DEPARTMENT).getString("id");
                String rectification = RatingFixtures.rectificationOf(staff.token(), rating).getString("id");
                RatingFixtures.overdue(rectification);
                return Target.of(Map.of(), "{\"rectificationId\":\"" + rectification + "\"}");
            }, ListReaders.PAGES, "listStaffRatingNotices")
            .ownedByDepartment(staff -> rectification(staff, false).withBody("{\"action\":\"矩阵整改措施说明\"}"),
                    "getStaffRectification", "recordRectificationFix")
            .ownedByDepartment(staff -> rectification(staff, true)
                    .withBody("{\"channel\":\"PHONE\",\"contactedAt\":\"2026-05-14T09:00:00Z\",\"result\":\"矩阵回访结果\"}"),
                    "recordRectificationFollowUp")
            .ownedByDepartment(staff -> {
                var rated = RatingFixtures.badlyRated(Logins.newResidentToken(), Caller.OWNER_DEPARTMENT);
                var view = RatingFixtures.rectificationOf(staff.token(), rated.getString("id"));
                return Target.of(Map.of("ratingId", rated.getString("id")), view.prettify())
                        .withBody("{\"reason\":\"矩阵申诉：评价与事实不符\"}");
            }, "appealRating")
            .listedForDepartment(staff -> Target.of(Map.of(), "{\"id\":\""
                    + PostalFixtures.orderedIn(Caller.OWNER_DEPARTMENT, false).getString("id") + "\"}"),
                    ListReaders.ONE, "listStaffPostalDeliveries")
            .ownedByDepartment(staff -> {
                var d = PostalFixtures.orderedIn(Caller.OWNER_DEPARTMENT, false);
                return Target.of(Map.of("deliveryId", d.getString("id")), d.encode());
            }, "getStaffPostalLabel", "cancelStaffPostalDelivery")
            .ownedByDepartment(staff -> {
                var d = PostalFixtures.orderedIn(Caller.OWNER_DEPARTMENT, true);
                return Target.of(Map.of("deliveryId", d.getString("id")), d.encode());
            }, "retryStaffPostalDelivery")
            .ownedByDepartment(staff -> {
                var d = PostalFixtures.pickupOrderedIn(Caller.OWNER_DEPARTMENT);
                return Target.of(Map.of("deliveryId", d.getString("id")), d.encode());
            }, "receiveStaffPostalMaterials")
            .ownedByDepartment(staff -> {
                var dept = ApplicationFixtures.postalDepartment(Caller.OWNER_DEPARTMENT);
                String no = ApplicationFixtures.submitted(Logins.newResidentToken(), dept.item());
                return Target.of(Map.of("applicationNo", no), "{\"applicationNo\":\"" + no + "\"}")
                        .withBody(PostalFixtures.staffOrder("矩阵补发证照"));
            }, "createStaffPostalDelivery")
            .roleGuarded("ADMIN", "escalations and appeal decisions are province-wide, by administrators",
                    "listOverdueRectifications", "listPendingRatingAppeals", "decideRatingAppeal")
            .publicOperation("getLiveStream", "the live schedule (政务直播) is public, like the streams at the CDN")
            .publicOperation("sendLiveHeartbeat", "anyone watching a public stream is counted; a heartbeat shows no viewer")
            .publicOperation("listLiveQuestions", "published questions are public; a caller's own unpublished ones are found by"
                    + " the token's subject, never another's (LiveQuestionsTest)")
            .selfOnly("subscribeLiveStream", "the subscription is the caller's own, found by the token's subject")
            .selfOnly("unsubscribeLiveStream", "the subscription is the caller's own, found by the token's subject")
            .selfOnly("askLiveQuestion", "the question is asked as the caller, found by the token's subject")
            .selfOnly("voteLiveQuestion", "the vote is the caller's own; only published questions can be voted for")
            .ownedByDepartment(staff -> liveStream(LiveFixtures.scheduled(staff.token())), "startLiveStream", "listStaffLiveQuestions")
            .ownedByDepartment(staff -> liveStream(LiveFixtures.live(staff.token())).withBody("{}"), "endLiveStream")
            .ownedByDepartment(staff -> liveQuestion(staff), "publishLiveQuestion")
            .ownedByDepartment(staff -> liveQuestion(staff).withBody("{\"reason\":\"矩阵测试：与主题无关\"}"), "hideLiveQuestion")
            .ownedByDepartment(staff -> liveQuestion(staff).withBody("{\"text\":\"矩阵测试答复\"}"), "answerLiveQuestion")
            .listedForDepartment(staff -> Target.of(Map.of(), "{\"id\":\"" + LiveFixtures.scheduled(staff.token()).getString("id")
                    + "\"}"), ListReaders.PAGES, "listStaffLiveStreams")
            .publicOperation("getDepartmentRatingStats", "好差评 figures are published (国办发〔2019〕51号)")
            .ownedByResident(owner -> VideoFixtures.heldFor(owner.id()), "getMyVideoAppointment",
                    "confirmVideoAppointment", "cancelVideoAppointment", "moveVideoAppointment")
            .ownedByResident(owner -> VideoFixtures.startingSoonFor(owner.id()), "checkInVideoAppointment")
            .listedForResident(owner -> Target.of(Map.of(), VideoFixtures.startingSoonFor(owner.id()).representation()),
                    ListReaders.PAGES, "listMyVideoAppointments")
            .publicOperation("listVideoSlots", "free video-appointment slots are public, like the catalogue they serve")
            .roleGuarded("ADMIN", "video-service availability is published by administrators, like the catalogue",
                    "listVideoAvailabilities", "updateVideoAvailability")
            .publicOperation("receivePostalTrackingEvent", "carriers prove themselves by a Standard Webhooks signature, not a login")
            .publicOperation("receiveEmsTrackingPush", "EMS proves itself by a body encrypted with our account's sign key, not a login")
            .publicOperation("listWalletIssuerKeys", "issuer public keys are published for offline verification")
            .publicOperation("getWalletStatusList", "certificate status lists are published for offline verification")
            .selfOnly("getStaffMe", "the staff member's own account, found by the token's subject; it names no other")
            .publicOperation("getCatalogItem", "the catalogue (办事指南) is public")
            .publicOperation("getBundle", "the catalogue (一件事) is public")
            .roleGuarded("ADMIN", "the catalogue and home content are province-wide, published by administrators",
                    "putDepartment", "retireDepartment", "putCatalogItem", "retireCatalogItem", "recordHotEvent",
                    "putBundle", "retireBundle", "putBanner", "retireBanner", "putNews", "retireNews")
            .roleGuarded("ADMIN", "case-event deliveries are the operators' business, province-wide", "listEventDeliveries",
                    "retryEventDelivery")
            .roleGuarded("ADMIN", "staff accounts are managed by administrators, as they are created",
                    "deactivateStaffUser", "reactivateStaffUser", "endStaffUserSessions")
            .listedForDepartment(staff -> Target.of(Map.of(), "{\"id\":\"" + ConsoleFixtures.waiting(Caller.OWNER_DEPARTMENT).id()
                    + "\"}"), ListReaders.ONE, "listAgentVideoQueue")
            // callNextVideoAppointment names no appointment (a POST on the caller's own department's queue, the token's): the
            // matrix needs no case for it and its roleGuarded cannot express AGENT; AgentConsoleTest proves residents,
            // reviewers and administrators are refused and that another department's queue is never reached.
            .ownedByDepartment(staff -> appointment(ConsoleFixtures.waiting(Caller.OWNER_DEPARTMENT)),
                    "callVideoAppointment", "markVideoAppointmentMissed")
            .ownedByDepartment(staff -> appointment(ConsoleFixtures.called(Caller.OWNER_DEPARTMENT, staff.token())),
                    "startVideoSession")
            .ownedByDepartment(staff -> appointment(ConsoleFixtures.inSession(Caller.OWNER_DEPARTMENT, staff.token()))
                    .withBody("{\"outcome\":\"RESOLVED\",\"note\":\"矩阵测试\"}"), "finishVideoSession")
            .ownedByDepartment(staff -> appointment(ConsoleFixtures.inSession(Caller.OWNER_DEPARTMENT, staff.token()))
                    .withBody("{\"text\":\"矩阵测试备注\"}"), "getAssistedResident", "listAssistedResidentApplications",
                    "listAssistedResidentCertificates", "listVideoCaseNotes", "addVideoCaseNote", "joinVideoRoomAsAgent")
            .ownedByResident(owner -> appointment(ConsoleFixtures.waiting("MATRIX-VIDEO-DEPT", owner.id())), "joinVideoRoom")
            .build();

    /** A stream of the owner's department, called at its current version. */
    private static Target liveStream(io.restassured.path.json.JsonPath stream) {
        return Target.of(Map.of("streamId", stream.getString("id")), "{\"id\":\"" + stream.getString("id") + "\"}")
                .withHeader("If-Match", "\"" + stream.getLong("version") + "\"");
    }

    /** A resident's question on a live stream of the owner's department. */
    private static Target liveQuestion(Caller staff) {
        String stream = LiveFixtures.live(staff.token()).getString("id");
        String question = LiveFixtures.ask(Logins.newResidentToken(), stream, "矩阵测试问题 " + java.util.UUID.randomUUID()).getString("id");
        return Target.of(Map.of("questionId", question), "{\"id\":\"" + question + "\"}");
    }

    /** A 差评's rectification in the owner's department, fixed first when {@code fixed}, called at its current version. */
    private static Target rectification(Caller staff, boolean fixed) {
        var rated = RatingFixtures.badlyRated(Logins.newResidentToken(), Caller.OWNER_DEPARTMENT);
        var view = RatingFixtures.rectificationOf(staff.token(), rated.getString("id"));
        if (fixed) {
            RatingFixtures.step(staff.token(), view, "fix", "{\"action\":\"矩阵整改措施说明\"}").statusCode(200);
            view = RatingFixtures.rectificationOf(staff.token(), rated.getString("id"));
        }
        return Target.of(Map.of("rectificationId", view.getString("id")), view.prettify())
                .withHeader("If-Match", "\"" + view.getLong("version") + "\"");
    }

    /** Reason, note and supplement bodies that every staff transition accepts. */
    private static final String STAFF_BODY = "{\"reason\":\"材料不符合要求\",\"note\":\"矩阵测试\",\"missing\":[\"场所证明\"]}";

    /**
     * A case submitted by a resident to an item of the owner's department, moved through {@code before}
     * by the department's reviewer; called with its current version in {@code If-Match}.
     */
    private static Target staffCase(Caller staff, List<String> before) {
        var dept = ApplicationFixtures.department(Caller.OWNER_DEPARTMENT, false);
        String no = ApplicationFixtures.submitted(Logins.newResidentToken(), dept.item());
        before.forEach(action -> ApplicationFixtures.act(staff.token(), no, action, STAFF_BODY).statusCode(200));
        var detail = staff.authorize(given()).get("/api/v1/staff/applications/" + no).then().statusCode(200).extract();
        return Target.of(Map.of("applicationNo", no), detail.asString())
                .withBody(STAFF_BODY)
                .withHeader("If-Match", "\"" + detail.path("application.version") + "\"");
    }

    /** A video appointment as its department's queue shows it (the state and times moving on are not secrets). */
    private static Target appointment(ConsoleFixtures.Booked booked) {
        return Target.of(Map.of("appointmentId", booked.id()), "{\"id\":\"" + booked.id() + "\",\"residentId\":\""
                + booked.residentId() + "\"}");
    }

    /** The owner department's item, for 帮代办. */
    private static String proxyItem() {
        return ApplicationFixtures.department(Caller.OWNER_DEPARTMENT, false).item();
    }

    /** A consent of a fresh resident for {@code staff} (an agent of the owner department) and a draft filed under it. */
    private static Target proxyCase(Caller staff, boolean ready) {
        var c = ProxyFixtures.agentCase(staff.id(), Caller.OWNER_DEPARTMENT, proxyItem(), ready);
        return Target.of(Map.of("consentId", c.consentId(), "applicationNo", c.applicationNo()), c.json());
    }

    /** The consent of {@link #proxyCase} alone, for the operations naming only the consent. */
    private static Target proxyConsent(Caller staff) {
        var c = ProxyFixtures.agentCase(staff.id(), Caller.OWNER_DEPARTMENT, proxyItem(), false);
        return Target.of(Map.of("consentId", c.consentId()), c.json());
    }

    private AccessMatrixCases() {
    }
}
