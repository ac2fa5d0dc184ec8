package cn.banshi.batch.repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.converter.DateToStringConverter;
import org.springframework.batch.core.converter.LocalDateTimeToStringConverter;
import org.springframework.batch.core.converter.LocalDateToStringConverter;
import org.springframework.batch.core.converter.LocalTimeToStringConverter;
import org.springframework.batch.core.converter.StringToDateConverter;
import org.springframework.batch.core.converter.StringToLocalDateConverter;
import org.springframework.batch.core.converter.StringToLocalDateTimeConverter;
import org.springframework.batch.core.converter.StringToLocalTimeConverter;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.ConfigurableConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.util.ClassUtils;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Job parameters as a list of maps {n: name, t: type, v: value as text, i: identifying}. Values go through a
 * ConversionService to and from String, exactly as the JDBC repository stores them, so any type with a
 * converter pair (the batch date/time converters are registered by default) round-trips.
 */
public final class JobParameterItemConverter {
    private final ConversionService conversionService;

    public JobParameterItemConverter(ConversionService conversionService) {
        this.conversionService = conversionService;
    }

    /** The conversion service the JDBC repository uses by default. */
    public static ConfigurableConversionService defaultConversionService() {
        DefaultConversionService service = new DefaultConversionService();
        service.addConverter(new DateToStringConverter());
        service.addConverter(new StringToDateConverter());
        service.addConverter(new LocalDateToStringConverter());
        service.addConverter(new StringToLocalDateConverter());
        service.addConverter(new LocalTimeToStringConverter());
        service.addConverter(new StringToLocalTimeConverter());
        service.addConverter(new LocalDateTimeToStringConverter());
        service.addConverter(new StringToLocalDateTimeConverter());
        return service;
    }

    AttributeValue toAttribute(JobParameters parameters) {
        List<AttributeValue> list = new ArrayList<>();
        for (JobParameter<?> parameter : parameters.parameters()) {
            if (!conversionService.canConvert(String.class, parameter.type())) {
                // DefaultConversionService turns anything into text via toString(); reading back needs a converter
                throw new IllegalArgumentException("Job parameter " + parameter.name() + " of type "
                        + parameter.type().getName() + " could not be read back: register a String converter pair");
            }
            String text = conversionService.convert(parameter.value(), String.class);
            if (text == null) {
                throw new IllegalArgumentException("Job parameter " + parameter.name() + " converts to null text");
            }
            list.add(AttributeValue.fromM(Map.of(
                    "n", AttributeValue.fromS(parameter.name()),
                    "t", AttributeValue.fromS(parameter.type().getName()),
                    "v", AttributeValue.fromS(text),
                    "i", AttributeValue.fromBool(parameter.identifying()))));
        }
        return AttributeValue.fromL(list);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    JobParameters toJobParameters(AttributeValue attribute) {
        if (attribute == null || !attribute.hasL()) return new JobParameters();
        Set<JobParameter<?>> parameters = new HashSet<>();
        for (AttributeValue element : attribute.l()) {
            Map<String, AttributeValue> m = element.m();
            Class<?> type;
            try {
                type = ClassUtils.forName(m.get("t").s(), getClass().getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException(
                        "Job parameter " + m.get("n").s() + " has unknown type "
                                + m.get("t").s(),
                        e);
            }
            Object value = conversionService.convert(m.get("v").s(), type);
            parameters.add(new JobParameter(
                    m.get("n").s(), value, type, Boolean.TRUE.equals(m.get("i").bool())));
        }
        return new JobParameters(parameters);
    }
}
