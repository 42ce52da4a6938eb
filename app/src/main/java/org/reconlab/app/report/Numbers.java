package org.reconlab.app.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Short, exact-enough text for numbers in legends, tick labels, captions and tables. */
final class Numbers {

    private static final String SUPERSCRIPT = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

    private Numbers() {
    }

    /** Four significant digits: {@code 0.001}, {@code 2500}, {@code 1.235e-07}, {@code NaN}. */
    static String format(double value) {
        return format(value, 4);
    }

    static String format(double value, int digits) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
        }
        String text = String.format(Locale.ROOT, "%." + (digits - 1) + "e", value);
        int e = text.indexOf('e');
        String mantissa = text.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        int exponent = Integer.parseInt(text.substring(e + 1));
        return mantissa + "e" + exponent;
    }

    /** {@code value} rounded up (or down) to two significant digits: {@code 0.04637} up is {@code 0.047}. */
    static double roundOutward(double value, boolean up) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(2, up ? java.math.RoundingMode.CEILING
                : java.math.RoundingMode.FLOOR));
        return rounded.doubleValue();
    }

    /**
     * A tick label of a log axis drawn over log10 of the values: {@code 10⁻³} at a whole decade, {@code 1} and
     * {@code 10} as such, the value itself (three digits) between decades.
     */
    static String decade(double log10) {
        long rounded = Math.round(log10);
        if (Math.abs(log10 - rounded) > 1e-9) {
            return format(Math.pow(10, log10), 3);
        }
        if (rounded == 0) {
            return "1";
        }
        if (rounded == 1) {
            return "10";
        }
        StringBuilder text = new StringBuilder("10");
        if (rounded < 0) {
            text.append('\u207b');
        }
        for (char digit : Long.toString(Math.abs(rounded)).toCharArray()) {
            text.append(SUPERSCRIPT.charAt(digit - '0'));
        }
        return text.toString();
    }

    /** A level as written in a legend: numbers in short form ({@code 1.0E-4} becomes {@code 1e-4}), names as they are. */
    static String level(String level) {
        try {
            double value = Double.parseDouble(level);
            if (level.matches("-?\\d+")) {
                return level;
            }
            return format(value);
        } catch (NumberFormatException e) {
            return level;
        }
    }
}
