package cn.banshi.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** infra/template.yaml against the published AWS resource specification (see {@link ResourceSpec}). */
class ResourceSpecTest {
    static ResourceSpec spec;

    @BeforeAll
    static void load() throws Exception {
        spec = ResourceSpec.load();
        assertTrue(spec.resourceTypeCount() > 1000, "the specification lists CloudFormation's resource types");
    }

    @Test
    void templateIsValid() {
        assertEquals(List.of(), spec.validate(Template.load()));
    }

    @Test
    void theValidatorCatchesTheMistakesItIsThereFor() {
        String broken = """
                AWSTemplateFormatVersion: "2010-09-09"
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage: {Type: String}
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableNam: !Sub "banshi-${Stage}-x"
                      BillingMode: PAY_PER_REQUEST
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: maybe}
                  Queue:
                    Type: AWS::SQS::Queu
                  Subscription:
                    Type: AWS::SNS::Subscription
                    Properties: {Protocol: email, Endpoint: a@b.cn}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Runtime: java17
                      CodeUri: x.jar
                      SnapStart: {ApplyOn: Always}
                      Timeout: !Ref Missing
                      Events:
                        Daily: {Type: ScheduleV2, Properties: {ScheduleExpression: "rate(1 day)", Timezone: Asia/Shanghai}}
                  Alarm:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      EvaluationPeriods: 1
                      Dimensions: [{Name: QueueName, Value: !GetAtt Table.QueueName}]
                      AlarmActions: [!If [NoSuchCondition, a, b]]
                """;
        String errors = String.join("\n", spec.validate(Template.parse(broken)));
        for (String expected : List.of(
                "Table: unknown property TableNam",
                "PointInTimeRecoveryEnabled: expected a boolean",
                "Subscription: missing required TopicArn",
                "Queue: no resource type AWS::SQS::Queu",
                "Always is not one of",
                "Ref to unknown Missing",
                "Events.Daily: unknown property Timezone",
                "GetAtt Table.QueueName",
                "Fn::If on unknown condition NoSuchCondition")) {
            assertTrue(errors.contains(expected), "missed «" + expected + "» in:\n" + errors);
        }
    }
}
