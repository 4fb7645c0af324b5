package io.balancegraph.graphql

import graphql.schema.GraphQLFieldDefinition
import graphql.schema.GraphQLInputObjectType
import graphql.schema.GraphQLList
import graphql.schema.GraphQLNonNull
import graphql.schema.GraphQLObjectType
import graphql.schema.GraphQLScalarType
import graphql.schema.GraphQLTypeUtil
import graphql.schema.idl.SchemaParser
import spock.lang.Shared
import spock.lang.Specification

/** The SDL is the public contract: documented everywhere, exact about money, open about Stripe's enumerations. */
class SchemaContractSpec extends Specification {

    @Shared def schema = new Graph().graphQL.graphQLSchema
    @Shared def ownTypes = schema.allTypesAsList.findAll { !it.name.startsWith('__') && !(it.name in ['String', 'Boolean', 'Int', 'Float', 'ID']) }

    def "every type, field, argument and input field has a description"() {
        given:
        def undocumented = []
        ownTypes.each { type ->
            if (!type.description) undocumented << type.name
            if (type instanceof GraphQLObjectType) {
                type.fieldDefinitions.each { field ->
                    if (!field.description) undocumented << "${type.name}.${field.name}"
                    field.arguments.each { if (!it.description) undocumented << "${type.name}.${field.name}(${it.name})" }
                }
            }
            if (type instanceof GraphQLInputObjectType) {
                type.fieldDefinitions.each { if (!it.description) undocumented << "${type.name}.${it.name}" }
            }
        }

        expect:
        undocumented == []
    }

    def "no amount is a float or a 32-bit Int: Int only counts digits, page sizes and transactions"() {
        given:
        def numeric = []
        ownTypes.findAll { it instanceof GraphQLObjectType }.each { GraphQLObjectType type ->
            type.fieldDefinitions.each { GraphQLFieldDefinition field ->
                def named = GraphQLTypeUtil.unwrapAll(field.type).name
                if (named in ['Int', 'Float']) numeric << "${type.name}.${field.name}"
                field.arguments.findAll { GraphQLTypeUtil.unwrapAll(it.type).name in ['Int', 'Float'] }.each { numeric << "${field.name}(${it.name})" }
            }
        }

        expect:
        numeric.sort() == ['Activity.transactionCount', 'ActivityBucket.count', 'ActivityGroup.count', 'ActivityTotals.count', 'Currency.exponent',
                           'CurrencyBalance.exponent', 'Payout.includedCount', 'balanceTransactions(first)',
                           'balanceTransactions(last)', 'transactions(first)', 'transactions(last)']
        schema.getObjectType('Money').getFieldDefinition('amount').type.wrappedType.name == 'Decimal'
        schema.getObjectType('Money').getFieldDefinition('minorUnits').type.wrappedType.name == 'Long'
    }

    def "the Issuing balance promises only what Stripe reports: available funds, no pending part"() {
        expect:
        schema.getObjectType('Balance').getFieldDefinition('issuing').type.wrappedType.name == 'IssuingBalance'
        schema.getObjectType('IssuingBalance').fieldDefinitions*.name == ['available']
        schema.getObjectType('BalanceDetail').fieldDefinitions*.name == ['available', 'pending']
    }

    def "Stripe's open enumerations are strings, so a value added tomorrow breaks nothing; our one enum is only an input"() {
        given: 'every field whose type is an enum, and every argument'
        def enums = schema.allTypesAsList.findAll { it instanceof graphql.schema.GraphQLEnumType && !it.name.startsWith('__') }*.name
        def enumFields = ownTypes.findAll { it instanceof GraphQLObjectType }.collectMany { GraphQLObjectType type ->
            type.fieldDefinitions.findAll { GraphQLTypeUtil.unwrapAll(it.type).name in enums }.collect { "${type.name}.${it.name}" }
        }
        def enumArguments = ownTypes.findAll { it instanceof GraphQLObjectType }.collectMany { GraphQLObjectType type ->
            type.fieldDefinitions.collectMany { field ->
                field.arguments.findAll { GraphQLTypeUtil.unwrapAll(it.type).name in enums }.collect { "${type.name}.${field.name}(${it.name})" }
            }
        }

        expect: 'the bucket size is ours (a client sends it, never receives it): no answer carries an enum'
        enums == ['BucketSize']
        schema.getType('BucketSize').values*.name == ['DAY', 'WEEK', 'MONTH']
        enumFields == []
        enumArguments == ['ActivityTotals.buckets(by)']
        ['type', 'status', 'reportingCategory', 'balanceType'].every {
            GraphQLTypeUtil.unwrapAll(schema.getObjectType('BalanceTransaction').getFieldDefinition(it).type).name == 'String'
        }
    }

    def "root fields are nullable so that one failed read leaves the others answering"() {
        expect:
        schema.queryType.fieldDefinitions.every { !(it.type instanceof GraphQLNonNull) }
        schema.queryType.fieldDefinitions*.name.sort() == ['activity', 'balance', 'balanceTransaction', 'balanceTransactions',
                                                            'currencies', 'payout']
    }

    def "activity buckets: buckets(by: BucketSize!, timeZone: String = \"UTC\"): [ActivityBucket!]! on each currency's totals"() {
        given:
        def buckets = schema.getObjectType('ActivityTotals').getFieldDefinition('buckets')

        expect:
        buckets.type.toString() == '[ActivityBucket!]!'
        buckets.arguments*.name == ['by', 'timeZone']
        buckets.getArgument('by').type.toString() == 'BucketSize!'
        GraphQLTypeUtil.simplePrint(buckets.getArgument('timeZone').type) == 'String'
        buckets.getArgument('timeZone').argumentDefaultValue.value.value == 'UTC'
        schema.getObjectType('ActivityBucket').fieldDefinitions.collect { "${it.name}: ${GraphQLTypeUtil.simplePrint(it.type)}" } == [
                'start: DateTime!', 'end: DateTime!', 'count: Int!', 'amount: Money!', 'fee: Money!', 'net: Money!',
                'startingBalance: Money!', 'endingBalance: Money!']
    }

    def "the connection follows Relay's conventions"() {
        given:
        def connection = schema.getObjectType('BalanceTransactionConnection')
        def pageInfo = schema.getObjectType('PageInfo')

        expect:
        connection.fieldDefinitions*.name == ['edges', 'nodes', 'pageInfo', 'readAt']
        schema.getObjectType('BalanceTransactionEdge').fieldDefinitions*.name == ['cursor', 'node']
        pageInfo.fieldDefinitions*.name == ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor']
        schema.queryType.getFieldDefinition('balanceTransactions').arguments*.name == ['account', 'first', 'after', 'last', 'before', 'filter']
        schema.getType('BalanceTransactionFilter').fieldDefinitions*.name == ['created', 'currency', 'type', 'payout', 'source']
        schema.getType('CreatedRange').fieldDefinitions*.name == ['gt', 'gte', 'lt', 'lte', 'at']
    }

    def "what a client cache keys has an identity: Balance and CurrencyBalance an id, Currency the same fields everywhere"() {
        expect:
        schema.getObjectType('Balance').getFieldDefinition('id').type.toString() == 'ID!'
        schema.getObjectType('CurrencyBalance').getFieldDefinition('id').type.toString() == 'ID!'
        schema.getObjectType('Currency').fieldDefinitions*.name == ['code', 'exponent', 'name']
        schema.getObjectType('CurrencyBalance').fieldDefinitions*.name == ['id', 'code', 'exponent', 'name', 'currency', 'available', 'pending']
        schema.getObjectType('CurrencyBalance').getFieldDefinition('available').type.toString() == 'Money!'
        schema.getObjectType('Money').getFieldDefinition('currency').type.toString() == 'Currency!'
        schema.queryType.getFieldDefinition('currencies').type.toString() == '[CurrencyBalance!]'
    }

    def "the scalars describe themselves at runtime as the shipped SDL does: #name says #says"() {
        given:
        def declared = new SchemaParser().parse(BalanceGraphSchema.sdl()).scalars()[name]

        when:
        def type = new Graph().run('query($name: String!) { __type(name: $name) { description specifiedByURL } }', [name: name]).data.__type

        then:
        type.description == declared.description.content
        type.specifiedByURL == specifiedBy
        type.description.contains(says)

        where:
        name       | specifiedBy                              | says
        'DateTime' | 'https://www.rfc-editor.org/rfc/rfc3339' | 'RFC 3339'
        'Long'     | null                                     | 'JSON number'
        'Long'     | null                                     | '2^53'
        'Decimal'  | null                                     | 'Never a float'
    }

    def "the shipped SDL is the schema that runs"() {
        expect:
        BalanceGraphSchema.sdl().contains('type BalanceTransactionConnection')
        ['Decimal', 'Long', 'DateTime'].every { schema.getType(it) instanceof GraphQLScalarType }
    }
}
