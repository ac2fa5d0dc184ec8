package cn.banshi.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where each resource type of the template takes a fixed (physical) name, and how widely that name must be unique.
 * A name unique per account and region must contain the stage (several stages share an account); one unique per
 * account (CloudFront, IAM) also the region; an S3 bucket name, unique across all of AWS, also the account.
 */
final class PhysicalNames {
    enum Scope {
        REGION,
        ACCOUNT,
        GLOBAL
    }

    record NameProperty(String path, Scope scope) {}

    static final Map<String, NameProperty> BY_TYPE = Map.ofEntries(
            Map.entry("AWS::DynamoDB::Table", new NameProperty("TableName", Scope.REGION)),
            Map.entry("AWS::Cognito::UserPool", new NameProperty("UserPoolName", Scope.REGION)),
            Map.entry("AWS::SNS::Topic", new NameProperty("TopicName", Scope.REGION)),
            Map.entry("AWS::SQS::Queue", new NameProperty("QueueName", Scope.REGION)),
            Map.entry("AWS::Logs::LogGroup", new NameProperty("LogGroupName", Scope.REGION)),
            Map.entry("AWS::CloudWatch::Alarm", new NameProperty("AlarmName", Scope.REGION)),
            Map.entry("AWS::Serverless::Function", new NameProperty("FunctionName", Scope.REGION)),
            Map.entry("AWS::Lambda::Function", new NameProperty("FunctionName", Scope.REGION)),
            Map.entry("AWS::Scheduler::Schedule", new NameProperty("Name", Scope.REGION)),
            Map.entry(
                    "AWS::CloudFront::OriginAccessControl",
                    new NameProperty("OriginAccessControlConfig.Name", Scope.ACCOUNT)),
            Map.entry("AWS::CloudFront::Function", new NameProperty("Name", Scope.ACCOUNT)),
            Map.entry("AWS::CloudFront::CachePolicy", new NameProperty("CachePolicyConfig.Name", Scope.ACCOUNT)),
            Map.entry(
                    "AWS::CloudFront::ResponseHeadersPolicy",
                    new NameProperty("ResponseHeadersPolicyConfig.Name", Scope.ACCOUNT)),
            Map.entry("AWS::IAM::Role", new NameProperty("RoleName", Scope.ACCOUNT)),
            Map.entry("AWS::IAM::ManagedPolicy", new NameProperty("ManagedPolicyName", Scope.ACCOUNT)),
            Map.entry("AWS::S3::Bucket", new NameProperty("BucketName", Scope.GLOBAL)));

    private PhysicalNames() {}

    /** The fixed name a resource is given (a literal or a !Sub pattern), or null when CloudFormation names it. */
    static String of(String type, JsonNode resource) {
        NameProperty property = BY_TYPE.get(type);
        if (property == null) return null;
        JsonNode node = resource.path("Properties");
        for (String key : property.path().split("\\.")) node = node.path(key);
        return node.isMissingNode() ? null : text(node);
    }

    /** A name given as a literal or a !Sub pattern, as written. */
    static String text(JsonNode node) {
        if (node.isTextual()) return node.asText();
        if (node.has("Fn::Sub")) {
            JsonNode sub = node.get("Fn::Sub");
            return sub.isArray() ? sub.get(0).asText() : sub.asText();
        }
        return node.toString();
    }

    /** What a name of this scope lacks, e.g. ["${Stage}", "${AWS::Region}"]; empty when it is unique enough. */
    static List<String> missing(Scope scope, String name) {
        List<String> missing = new ArrayList<>();
        if (!name.contains("${Stage}")) missing.add("${Stage}");
        if (scope != Scope.REGION && !name.contains("${AWS::Region}")) missing.add("${AWS::Region}");
        if (scope == Scope.GLOBAL && !name.contains("${AWS::AccountId}")) missing.add("${AWS::AccountId}");
        return missing;
    }
}
