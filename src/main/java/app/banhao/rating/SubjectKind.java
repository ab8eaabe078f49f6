package app.banhao.rating;

/**
 * What can be rated (一事一评). A feature whose things finish (video sessions, parcels) plugs in by publishing an
 * invitation for its kind ({@link RatingInvitations#invite}); everything after that is the same for every kind.
 */
public enum SubjectKind {
    APPLICATION, VIDEO_SESSION, DELIVERY
}
