package app.banhao.rating;

/** The five levels (国办发〔2019〕51号); the last two are 差评. */
public enum Level {
    VERY_SATISFIED("非常满意"), SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), DISSATISFIED("不满意"),
    VERY_DISSATISFIED("非常不满意");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public boolean bad() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }

    /** The level's name in the national rule, as the timeline and the national report carry it. */
    public String label() {
        return label;
    }
}
