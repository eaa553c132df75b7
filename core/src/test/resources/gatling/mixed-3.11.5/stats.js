var stats = {
    type: "GROUP",
name: "All Requests",
path: "",
pathFormatted: "group_missing-name--1146707516",
stats: {
    "name": "All Requests",
    "numberOfRequests": {
        "total": "700",
        "ok": "374",
        "ko": "326"
    },
    "minResponseTime": {
        "total": "0",
        "ok": "6",
        "ko": "0"
    },
    "maxResponseTime": {
        "total": "1042",
        "ok": "563",
        "ko": "1042"
    },
    "meanResponseTime": {
        "total": "179",
        "ok": "51",
        "ko": "326"
    },
    "standardDeviation": {
        "total": "337",
        "ok": "41",
        "ko": "450"
    },
    "percentiles1": {
        "total": "45",
        "ok": "51",
        "ko": "44"
    },
    "percentiles2": {
        "total": "76",
        "ok": "71",
        "ko": "1000"
    },
    "percentiles3": {
        "total": "1000",
        "ok": "91",
        "ko": "1001"
    },
    "percentiles4": {
        "total": "1001",
        "ok": "149",
        "ko": "1004"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 374,
    "percentage": 53.42857142857142
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 326,
    "percentage": 46.57142857142857
},
    "meanNumberOfRequestsPerSecond": {
        "total": "25.93",
        "ok": "13.85",
        "ko": "12.07"
    }
},
contents: {
"group_checkout-1536904518": {
          type: "GROUP",
name: "checkout",
path: "checkout",
pathFormatted: "group_checkout-1536904518",
stats: {
    "name": "checkout",
    "numberOfRequests": {
        "total": "100",
        "ok": "90",
        "ko": "10"
    },
    "minResponseTime": {
        "total": "97",
        "ok": "97",
        "ko": "126"
    },
    "maxResponseTime": {
        "total": "215",
        "ok": "215",
        "ko": "166"
    },
    "meanResponseTime": {
        "total": "143",
        "ok": "143",
        "ko": "144"
    },
    "standardDeviation": {
        "total": "19",
        "ok": "20",
        "ko": "11"
    },
    "percentiles1": {
        "total": "140",
        "ok": "140",
        "ko": "141"
    },
    "percentiles2": {
        "total": "150",
        "ok": "150",
        "ko": "149"
    },
    "percentiles3": {
        "total": "179",
        "ok": "185",
        "ko": "162"
    },
    "percentiles4": {
        "total": "201",
        "ok": "203",
        "ko": "165"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 90,
    "percentage": 90.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 10,
    "percentage": 10.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "3.7",
        "ok": "3.33",
        "ko": "0.37"
    }
},
contents: {
"group_pay-110760": {
          type: "GROUP",
name: "pay",
path: "checkout / pay",
pathFormatted: "group_checkout---pay--345808419",
stats: {
    "name": "pay",
    "numberOfRequests": {
        "total": "100",
        "ok": "90",
        "ko": "10"
    },
    "minResponseTime": {
        "total": "63",
        "ok": "63",
        "ko": "72"
    },
    "maxResponseTime": {
        "total": "152",
        "ok": "152",
        "ko": "108"
    },
    "meanResponseTime": {
        "total": "82",
        "ok": "81",
        "ko": "86"
    },
    "standardDeviation": {
        "total": "13",
        "ok": "13",
        "ko": "9"
    },
    "percentiles1": {
        "total": "79",
        "ok": "79",
        "ko": "87"
    },
    "percentiles2": {
        "total": "88",
        "ok": "88",
        "ko": "89"
    },
    "percentiles3": {
        "total": "107",
        "ok": "102",
        "ko": "100"
    },
    "percentiles4": {
        "total": "111",
        "ok": "116",
        "ko": "106"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 90,
    "percentage": 90.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 10,
    "percentage": 10.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "3.7",
        "ok": "3.33",
        "ko": "0.37"
    }
},
contents: {
"req_post--api-order--2052639127": {
        type: "REQUEST",
        name: "POST /api/orders",
path: "checkout / pay / POST /api/orders",
pathFormatted: "req_checkout---pay---878395043",
stats: {
    "name": "POST /api/orders",
    "numberOfRequests": {
        "total": "100",
        "ok": "90",
        "ko": "10"
    },
    "minResponseTime": {
        "total": "63",
        "ok": "63",
        "ko": "72"
    },
    "maxResponseTime": {
        "total": "152",
        "ok": "152",
        "ko": "108"
    },
    "meanResponseTime": {
        "total": "82",
        "ok": "81",
        "ko": "86"
    },
    "standardDeviation": {
        "total": "13",
        "ok": "13",
        "ko": "9"
    },
    "percentiles1": {
        "total": "79",
        "ok": "79",
        "ko": "87"
    },
    "percentiles2": {
        "total": "88",
        "ok": "88",
        "ko": "89"
    },
    "percentiles3": {
        "total": "107",
        "ok": "102",
        "ko": "100"
    },
    "percentiles4": {
        "total": "111",
        "ok": "116",
        "ko": "106"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 90,
    "percentage": 90.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 10,
    "percentage": 10.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "3.7",
        "ok": "3.33",
        "ko": "0.37"
    }
}
    }
}

     },"req_get--api-items---1290505253": {
        type: "REQUEST",
        name: "GET /api/items (cart)",
path: "checkout / GET /api/items (cart)",
pathFormatted: "req_checkout---get--1242702288",
stats: {
    "name": "GET /api/items (cart)",
    "numberOfRequests": {
        "total": "100",
        "ok": "100",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "20",
        "ok": "20",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "120",
        "ok": "120",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "61",
        "ok": "61",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "12",
        "ok": "12",
        "ko": "-"
    },
    "percentiles1": {
        "total": "60",
        "ok": "60",
        "ko": "-"
    },
    "percentiles2": {
        "total": "65",
        "ok": "65",
        "ko": "-"
    },
    "percentiles3": {
        "total": "73",
        "ok": "73",
        "ko": "-"
    },
    "percentiles4": {
        "total": "115",
        "ok": "115",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 100,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "3.7",
        "ok": "3.7",
        "ko": "-"
    }
}
    }
}

     },"req_get--api-items--1824409754": {
        type: "REQUEST",
        name: "GET /api/items",
path: "GET /api/items",
pathFormatted: "req_get--api-items--1824409754",
stats: {
    "name": "GET /api/items",
    "numberOfRequests": {
        "total": "100",
        "ok": "100",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "6",
        "ok": "6",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "563",
        "ok": "563",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "30",
        "ok": "30",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "63",
        "ok": "63",
        "ko": "-"
    },
    "percentiles1": {
        "total": "19",
        "ok": "19",
        "ko": "-"
    },
    "percentiles2": {
        "total": "24",
        "ok": "24",
        "ko": "-"
    },
    "percentiles3": {
        "total": "67",
        "ok": "67",
        "ko": "-"
    },
    "percentiles4": {
        "total": "280",
        "ok": "280",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 100,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "3.7",
        "ok": "3.7",
        "ko": "-"
    }
}
    },"req_get--api-search--449803582": {
        type: "REQUEST",
        name: "GET /api/search",
path: "GET /api/search",
pathFormatted: "req_get--api-search--449803582",
stats: {
    "name": "GET /api/search",
    "numberOfRequests": {
        "total": "100",
        "ok": "84",
        "ko": "16"
    },
    "minResponseTime": {
        "total": "11",
        "ok": "11",
        "ko": "11"
    },
    "maxResponseTime": {
        "total": "148",
        "ok": "148",
        "ko": "41"
    },
    "meanResponseTime": {
        "total": "30",
        "ok": "31",
        "ko": "26"
    },
    "standardDeviation": {
        "total": "16",
        "ok": "17",
        "ko": "9"
    },
    "percentiles1": {
        "total": "29",
        "ok": "30",
        "ko": "25"
    },
    "percentiles2": {
        "total": "36",
        "ok": "36",
        "ko": "34"
    },
    "percentiles3": {
        "total": "43",
        "ok": "43",
        "ko": "40"
    },
    "percentiles4": {
        "total": "77",
        "ok": "88",
        "ko": "41"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 84,
    "percentage": 84.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 16,
    "percentage": 16.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "3.7",
        "ok": "3.11",
        "ko": "0.59"
    }
}
    },"req_get--api-missin--1957888116": {
        type: "REQUEST",
        name: "GET /api/missing",
path: "GET /api/missing",
pathFormatted: "req_get--api-missin--1957888116",
stats: {
    "name": "GET /api/missing",
    "numberOfRequests": {
        "total": "100",
        "ok": "0",
        "ko": "100"
    },
    "minResponseTime": {
        "total": "40",
        "ok": "-",
        "ko": "40"
    },
    "maxResponseTime": {
        "total": "329",
        "ok": "-",
        "ko": "329"
    },
    "meanResponseTime": {
        "total": "48",
        "ok": "-",
        "ko": "48"
    },
    "standardDeviation": {
        "total": "29",
        "ok": "-",
        "ko": "29"
    },
    "percentiles1": {
        "total": "44",
        "ok": "-",
        "ko": "44"
    },
    "percentiles2": {
        "total": "47",
        "ok": "-",
        "ko": "47"
    },
    "percentiles3": {
        "total": "52",
        "ok": "-",
        "ko": "52"
    },
    "percentiles4": {
        "total": "99",
        "ok": "-",
        "ko": "99"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 0,
    "percentage": 0.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 100,
    "percentage": 100.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "3.7",
        "ok": "-",
        "ko": "3.7"
    }
}
    },"req_get--api-slow-218533275": {
        type: "REQUEST",
        name: "GET /api/slow",
path: "GET /api/slow",
pathFormatted: "req_get--api-slow-218533275",
stats: {
    "name": "GET /api/slow",
    "numberOfRequests": {
        "total": "100",
        "ok": "0",
        "ko": "100"
    },
    "minResponseTime": {
        "total": "1000",
        "ok": "-",
        "ko": "1000"
    },
    "maxResponseTime": {
        "total": "1042",
        "ok": "-",
        "ko": "1042"
    },
    "meanResponseTime": {
        "total": "1001",
        "ok": "-",
        "ko": "1001"
    },
    "standardDeviation": {
        "total": "4",
        "ok": "-",
        "ko": "4"
    },
    "percentiles1": {
        "total": "1000",
        "ok": "-",
        "ko": "1000"
    },
    "percentiles2": {
        "total": "1001",
        "ok": "-",
        "ko": "1001"
    },
    "percentiles3": {
        "total": "1003",
        "ok": "-",
        "ko": "1003"
    },
    "percentiles4": {
        "total": "1007",
        "ok": "-",
        "ko": "1007"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 0,
    "percentage": 0.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 100,
    "percentage": 100.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "3.7",
        "ok": "-",
        "ko": "3.7"
    }
}
    },"req_get-refused-109525990": {
        type: "REQUEST",
        name: "GET refused",
path: "GET refused",
pathFormatted: "req_get-refused-109525990",
stats: {
    "name": "GET refused",
    "numberOfRequests": {
        "total": "100",
        "ok": "0",
        "ko": "100"
    },
    "minResponseTime": {
        "total": "0",
        "ok": "-",
        "ko": "0"
    },
    "maxResponseTime": {
        "total": "57",
        "ok": "-",
        "ko": "57"
    },
    "meanResponseTime": {
        "total": "2",
        "ok": "-",
        "ko": "2"
    },
    "standardDeviation": {
        "total": "6",
        "ok": "-",
        "ko": "6"
    },
    "percentiles1": {
        "total": "1",
        "ok": "-",
        "ko": "1"
    },
    "percentiles2": {
        "total": "1",
        "ok": "-",
        "ko": "1"
    },
    "percentiles3": {
        "total": "2",
        "ok": "-",
        "ko": "2"
    },
    "percentiles4": {
        "total": "7",
        "ok": "-",
        "ko": "7"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 0,
    "percentage": 0.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 100,
    "percentage": 100.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "3.7",
        "ok": "-",
        "ko": "3.7"
    }
}
    }
}

}

function fillStats(stat){
    $("#numberOfRequests").append(stat.numberOfRequests.total);
    $("#numberOfRequestsOK").append(stat.numberOfRequests.ok);
    $("#numberOfRequestsKO").append(stat.numberOfRequests.ko);

    $("#minResponseTime").append(stat.minResponseTime.total);
    $("#minResponseTimeOK").append(stat.minResponseTime.ok);
    $("#minResponseTimeKO").append(stat.minResponseTime.ko);

    $("#maxResponseTime").append(stat.maxResponseTime.total);
    $("#maxResponseTimeOK").append(stat.maxResponseTime.ok);
    $("#maxResponseTimeKO").append(stat.maxResponseTime.ko);

    $("#meanResponseTime").append(stat.meanResponseTime.total);
    $("#meanResponseTimeOK").append(stat.meanResponseTime.ok);
    $("#meanResponseTimeKO").append(stat.meanResponseTime.ko);

    $("#standardDeviation").append(stat.standardDeviation.total);
    $("#standardDeviationOK").append(stat.standardDeviation.ok);
    $("#standardDeviationKO").append(stat.standardDeviation.ko);

    $("#percentiles1").append(stat.percentiles1.total);
    $("#percentiles1OK").append(stat.percentiles1.ok);
    $("#percentiles1KO").append(stat.percentiles1.ko);

    $("#percentiles2").append(stat.percentiles2.total);
    $("#percentiles2OK").append(stat.percentiles2.ok);
    $("#percentiles2KO").append(stat.percentiles2.ko);

    $("#percentiles3").append(stat.percentiles3.total);
    $("#percentiles3OK").append(stat.percentiles3.ok);
    $("#percentiles3KO").append(stat.percentiles3.ko);

    $("#percentiles4").append(stat.percentiles4.total);
    $("#percentiles4OK").append(stat.percentiles4.ok);
    $("#percentiles4KO").append(stat.percentiles4.ko);

    $("#meanNumberOfRequestsPerSecond").append(stat.meanNumberOfRequestsPerSecond.total);
    $("#meanNumberOfRequestsPerSecondOK").append(stat.meanNumberOfRequestsPerSecond.ok);
    $("#meanNumberOfRequestsPerSecondKO").append(stat.meanNumberOfRequestsPerSecond.ko);
}
