package cn.yuqing.analysis;

/** Negative, neutral or positive; within negative, the signals that matter to public opinion. */
public enum Sentiment {
    NEGATIVE("负面"), NEUTRAL("中性"), POSITIVE("正面");

    private final String label;

    Sentiment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public enum Signal {
        ANGER("愤怒"), FEAR("焦虑恐慌");

        private final String label;

        Signal(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
