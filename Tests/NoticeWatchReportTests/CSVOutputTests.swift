import NoticeWatchModel
import NoticeWatchReport
import Testing

/// Whole CSV files written from the fixture. Lines are joined with CRLF, as RFC 4180 wants.
@Suite struct CSVOutputTests {
    func csv(_ lines: [String]) -> String { lines.map { $0 + "\r\n" }.joined() }

    @Test func complaintVolumesListEveryMemberCountry() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        var expected = [
            "country_code,country_alpha3,country_name,rank,complaints,share,complaints_2020,complaints_2021,"
                + "complaints_unknown_year,change_from_previous_year,change_compares,partial_year",
            "RU,RUS,Russia,1,3,0.6000,1,2,0,1,2021 vs 2020,",
            "TR,TUR,Türkiye,2,2,0.4000,2,0,0,-2,2021 vs 2020,",
        ]
        for country in Country.allMembers where country.alpha2 != "RU" && country.alpha2 != "TR" {
            let name = country.name.contains(",") ? "\"\(country.name)\"" : country.name
            expected.append("\(country.alpha2),\(country.alpha3),\(name),3,0,0.0000,0,0,0,0,2021 vs 2020,")
        }
        let text = readText(folder, "complaint_volumes.csv")
        #expect(text == csv(expected))
        #expect(text.split(separator: "\r\n").count == Country.allMembers.count + 1)
    }

    @Test func overturnRatesHaveOverallCountryAndYearRows() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        #expect(
            readText(folder, "overturn_rates.csv")
                == csv([
                    "scope,country_code,country_name,year,decided,overturned,upheld,partially_overturned,inadmissible,"
                        + "withdrawn,pending,outcome_not_understood,overturned_counted,rate,ci_lower,ci_upper,"
                        + "too_few_to_rank,persistent,others_rate,p_value,p_value_holm,partial_year",
                    "overall,,,,3,2,1,0,0,0,1,0,2,0.6667,0.2077,0.9385,false,,,,,",
                    "country,RU,Russia,,2,2,0,0,0,0,0,0,2,1.0000,0.7000,1.0000,false,true,0.3000,0.0042,0.0084,",
                    "country,TR,Türkiye,,1,0,1,0,0,0,1,0,0,0.0000,0.0000,0.7935,true,false,,,,",
                    "year,,,2021,3,2,1,0,0,0,1,0,2,0.6667,0.2077,0.9385,false,,,,,",
                    "country-year,RU,Russia,2021,2,2,0,0,0,0,0,0,2,1.0000,0.7000,1.0000,false,,,,,",
                    "country-year,TR,Türkiye,2021,1,0,1,0,0,0,1,0,0,0.0000,0.0000,0.7935,true,,,,,",
                ])
        )
    }

    @Test func noticeCancellationsLeaveUndefinedSharesEmpty() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        #expect(
            readText(folder, "notice_cancellations.csv")
                == csv([
                    "scope,country_code,country_name,notices,unknown_status,cancelled,cancelled_share,cancelled_ci_lower,"
                        + "cancelled_ci_upper,cancelled_with_known_reason,cancelled_by_ccf,ccf_share,ccf_ci_lower,"
                        + "ccf_ci_upper",
                    "overall,,,3,0,2,0.6667,0.2077,0.9385,1,1,1.0000,0.2065,1.0000",
                    "country,RU,Russia,2,0,1,0.5000,0.0945,0.9055,1,1,1.0000,0.2065,1.0000",
                    "country,TR,Türkiye,1,0,1,1.0000,0.2065,1.0000,0,0,,,",
                ])
        )
    }

    @Test func survivalTablesListEveryStepWithItsMethod() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        #expect(
            readText(folder, "survival_notices.csv")
                == csv([
                    "group,time,at_risk,events,censored,survival,ci_lower,ci_upper,ci_method,too_few",
                    "all,365,3,1,0,0.6667,0.0541,0.9452,loglog,true",
                    "all,500,2,1,0,0.3333,0.0090,0.7742,loglog,true",
                    "all,1156,1,0,1,0.3333,0.0090,0.7742,loglog,true",
                    "RU,365,2,1,0,0.5000,0.0058,0.9104,loglog,true",
                    "RU,1156,1,0,1,0.5000,0.0058,0.9104,loglog,true",
                ])
        )
        #expect(
            readText(folder, "survival_complaints.csv")
                == csv([
                    "group,time,at_risk,events,censored,survival,ci_lower,ci_upper,ci_method,too_few",
                    "all,239,4,1,0,0.7500,0.1941,0.9613,loglog,true",
                ])
        )
        let summary = readText(folder, "survival_summary.csv")
        #expect(
            summary.hasPrefix(
                csv([
                    "analysis,group,measure,parameter,value,ci_lower,ci_upper,note",
                    "notices,all,subjects,,3,,,too-few",
                    "notices,all,events,,2,,,",
                    "notices,all,censored,,1,,,",
                    "notices,all,km_quantile,0.25,365,365,,too-few",
                    "notices,all,km_quantile,0.50,500,365,,too-few",
                    "notices,all,km_quantile,0.75,,,,too-few",
                    "notices,all,at_risk,365,2,,,",
                ])))
        #expect(summary.contains("\r\nnotices,all,observed_quantile,0.50,432.5,,,\r\n"))
        #expect(summary.contains("\r\nnotices,RU,histogram,>5 years,0,,,\r\n"))
        #expect(summary.contains("\r\ncomplaints,all,km_quantile,0.50,,,,too-few\r\n"))
    }

    @Test func dataQualityTablesNeutralizeFormulas() throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (folder, _) = try writeReport(in: temporary)
        #expect(
            readText(folder, "quarantine.csv")
                == csv([
                    "source,file,line,record,field,raw_value,reason_code,reason",
                    "ccf-2021,ccf/decisions.csv,7,,requesting_country,\"'=cmd|' /C calc'!A0\",unknown-country,not a member country",
                    "notices-2021,notices/red.json,,3,,\"{\"\"entity_id\"\": null}\",missing-id,the record has no id",
                ])
        )
        #expect(
            readText(folder, "accounting.csv")
                == csv([
                    "source,record_kind,read,kept,merged,exact_repeats,quarantined,balances,with_values_not_understood,"
                        + "mapping",
                    "ccf-2021,complaint,6,4,1,0,1,true,0,from sources.yaml",
                    "notices-2021,notice,4,3,0,0,1,true,0,id <- entity_id (inferred); country <- issuing_country_id "
                        + "(inferred)",
                ])
        )
        #expect(
            readText(folder, "conflicts.csv")
                == csv([
                    "record_kind,id,field,kept_value,kept_source,kept_file,kept_line,kept_record,discarded_value,"
                        + "discarded_source,discarded_file,discarded_line,discarded_record",
                    "complaint,CCF/2/20,outcome,Data deleted,ccf-2021,ccf/decisions.csv,3,,\"'-compliant\",ccf-2021,"
                        + "ccf/decisions.csv,5,",
                ])
        )
        #expect(
            readText(folder, "input_files.csv")
                == csv([
                    "path,source,size,sha256,rows_read,reader_choices",
                    "ccf/decisions.csv,ccf-2021,512,\(String(repeating: "a", count: 64)),6,"
                        + "\"delimiter=\"\";\"\" (detected); encoding=utf-8 (detected)\"",
                    "notices/red.json,notices-2021,2048,\(String(repeating: "b", count: 64)),4,format=json (detected)",
                ])
        )
        #expect(
            readText(folder, "exclusions.csv")
                == csv(["figure,reason,count", "notice-time-to-cancellation,missing-issue-date,1"])
        )
    }
}
