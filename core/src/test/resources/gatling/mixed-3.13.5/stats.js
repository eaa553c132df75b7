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
        "total": "1003",
        "ok": "110",
        "ko": "1003"
    },
    "meanResponseTime": {
        "total": "176",
        "ok": "46",
        "ko": "325"
    },
    "standardDeviation": {
        "total": "338",
        "ok": "26",
        "ko": "450"
    },
    "percentiles1": {
        "total": "44",
        "ok": "48",
        "ko": "44"
    },
    "percentiles2": {
        "total": "71",
        "ok": "67",
        "ko": "1000"
    },
    "percentiles3": {
        "total": "1000",
        "ok": "91",
        "ko": "1001"
    },
    "percentiles4": {
        "total": "1001",
        "ok": "95",
        "ko": "1001"
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
        "total": "114",
        "ok": "114",
        "ko": "126"
    },
    "maxResponseTime": {
        "total": "162",
        "ok": "162",
        "ko": "155"
    },
    "meanResponseTime": {
        "total": "138",
        "ok": "138",
        "ko": "144"
    },
    "standardDeviation": {
        "total": "11",
        "ok": "11",
        "ko": "9"
    },
    "percentiles1": {
        "total": "138",
        "ok": "138",
        "ko": "146"
    },
    "percentiles2": {
        "total": "146",
        "ok": "146",
        "ko": "152"
    },
    "percentiles3": {
        "total": "156",
        "ok": "156",
        "ko": "155"
    },
    "percentiles4": {
        "total": "162",
        "ok": "162",
        "ko": "155"
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
        "ko": "73"
    },
    "maxResponseTime": {
        "total": "99",
        "ok": "96",
        "ko": "99"
    },
    "meanResponseTime": {
        "total": "79",
        "ok": "79",
        "ko": "86"
    },
    "standardDeviation": {
        "total": "10",
        "ok": "9",
        "ko": "8"
    },
    "percentiles1": {
        "total": "79",
        "ok": "79",
        "ko": "87"
    },
    "percentiles2": {
        "total": "88",
        "ok": "87",
        "ko": "91"
    },
    "percentiles3": {
        "total": "95",
        "ok": "92",
        "ko": "99"
    },
    "percentiles4": {
        "total": "99",
        "ok": "96",
        "ko": "99"
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
        "ko": "73"
    },
    "maxResponseTime": {
        "total": "99",
        "ok": "96",
        "ko": "99"
    },
    "meanResponseTime": {
        "total": "79",
        "ok": "79",
        "ko": "86"
    },
    "standardDeviation": {
        "total": "10",
        "ok": "9",
        "ko": "8"
    },
    "percentiles1": {
        "total": "79",
        "ok": "77",
        "ko": "87"
    },
    "percentiles2": {
        "total": "88",
        "ok": "87",
        "ko": "91"
    },
    "percentiles3": {
        "total": "92",
        "ok": "92",
        "ko": "99"
    },
    "percentiles4": {
        "total": "99",
        "ok": "96",
        "ko": "99"
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
        "total": "47",
        "ok": "47",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "72",
        "ok": "72",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "59",
        "ok": "59",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "6",
        "ok": "6",
        "ko": "-"
    },
    "percentiles1": {
        "total": "59",
        "ok": "59",
        "ko": "-"
    },
    "percentiles2": {
        "total": "63",
        "ok": "63",
        "ko": "-"
    },
    "percentiles3": {
        "total": "68",
        "ok": "68",
        "ko": "-"
    },
    "percentiles4": {
        "total": "72",
        "ok": "72",
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
        "total": "110",
        "ok": "110",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "18",
        "ok": "18",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "11",
        "ok": "11",
        "ko": "-"
    },
    "percentiles1": {
        "total": "17",
        "ok": "17",
        "ko": "-"
    },
    "percentiles2": {
        "total": "23",
        "ok": "23",
        "ko": "-"
    },
    "percentiles3": {
        "total": "27",
        "ok": "27",
        "ko": "-"
    },
    "percentiles4": {
        "total": "110",
        "ok": "110",
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
        "ko": "12"
    },
    "maxResponseTime": {
        "total": "43",
        "ok": "43",
        "ko": "40"
    },
    "meanResponseTime": {
        "total": "27",
        "ok": "28",
        "ko": "26"
    },
    "standardDeviation": {
        "total": "8",
        "ok": "8",
        "ko": "9"
    },
    "percentiles1": {
        "total": "28",
        "ok": "28",
        "ko": "28"
    },
    "percentiles2": {
        "total": "35",
        "ok": "35",
        "ko": "34"
    },
    "percentiles3": {
        "total": "40",
        "ok": "40",
        "ko": "40"
    },
    "percentiles4": {
        "total": "43",
        "ok": "43",
        "ko": "40"
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
        "total": "41",
        "ok": "-",
        "ko": "41"
    },
    "maxResponseTime": {
        "total": "49",
        "ok": "-",
        "ko": "49"
    },
    "meanResponseTime": {
        "total": "44",
        "ok": "-",
        "ko": "44"
    },
    "standardDeviation": {
        "total": "2",
        "ok": "-",
        "ko": "2"
    },
    "percentiles1": {
        "total": "44",
        "ok": "-",
        "ko": "44"
    },
    "percentiles2": {
        "total": "45",
        "ok": "-",
        "ko": "45"
    },
    "percentiles3": {
        "total": "48",
        "ok": "-",
        "ko": "48"
    },
    "percentiles4": {
        "total": "49",
        "ok": "-",
        "ko": "49"
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
        "total": "1003",
        "ok": "-",
        "ko": "1003"
    },
    "meanResponseTime": {
        "total": "1000",
        "ok": "-",
        "ko": "1000"
    },
    "standardDeviation": {
        "total": "1",
        "ok": "-",
        "ko": "1"
    },
    "percentiles1": {
        "total": "1000",
        "ok": "-",
        "ko": "1000"
    },
    "percentiles2": {
        "total": "1000",
        "ok": "-",
        "ko": "1000"
    },
    "percentiles3": {
        "total": "1001",
        "ok": "-",
        "ko": "1001"
    },
    "percentiles4": {
        "total": "1003",
        "ok": "-",
        "ko": "1003"
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
        "total": "6",
        "ok": "-",
        "ko": "6"
    },
    "meanResponseTime": {
        "total": "1",
        "ok": "-",
        "ko": "1"
    },
    "standardDeviation": {
        "total": "1",
        "ok": "-",
        "ko": "1"
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
        "total": "6",
        "ok": "-",
        "ko": "6"
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
