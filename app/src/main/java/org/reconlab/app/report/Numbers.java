package org.reconlab.app.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Short, exact-enough text for numbers in legends, tick labels, captions and tables. */
final class Numbers {

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
